// Long use: create → open → destroy (or create → preload → open → destroy), many times on one
// page, with a modal and an inline connector in turn. Runs inside the page so the loop costs no
// round trips. Every cycle checks that the top layer is empty again after destroy().

/**
 * @typedef {object} CycleOptions
 * @property {number} count cycles to run
 * @property {string} token a session token (reused: the sandbox checks it on every load)
 * @property {string} connectorUrl the sandbox's `http://{connectorId}.localhost:PORT` template
 * @property {string} [connectorId]
 * @property {boolean} [early] also destroy half of the connectors as soon as `open` fires, while
 *   the Connector is still loading; without it every cycle waits for the Connector's Load
 * @property {boolean} [preload] call `preload()` first and open the prepared Connector (every
 *   cycle then waits for its Load, hidden; `early` does not apply)
 */

/**
 * @typedef {object} CycleResult
 * @property {number} cycles completed cycles
 * @property {number} loads cycles that reached the Connector's real Load before destroy()
 * @property {number} early cycles destroyed on `open`, before Load
 * @property {number} preloaded cycles that opened a Connector prepared by preload()
 * @property {number} modal
 * @property {number} inline
 * @property {number} ms wall time of the loop
 */

/**
 * Runs `count` cycles. Cycle `i` is a modal when `i` is even and inline when odd; with `early`,
 * cycles 2 and 3 of every 4 are destroyed at `open`. Throws if a cycle ends any other way.
 * @param {import('playwright').Page} page on the bench page (page-server.mjs)
 * @param {CycleOptions} options
 * @returns {Promise<CycleResult>}
 */
export function runCycles(
  page,
  { count, token, connectorUrl, connectorId = 'bench', early = false, preload = false },
) {
  return page.evaluate(
    async ({ count, token, connectorUrl, connectorId, early, preload }) => {
      const { createConnector } = /** @type {any} */ (window).QuilttEmbed
      const opener = /** @type {HTMLElement} */ (document.getElementById('opener'))
      const result = { cycles: 0, loads: 0, early: 0, preloaded: 0, modal: 0, inline: 0, ms: 0 }
      const started = performance.now()
      for (let i = 0; i < count; i++) {
        const inline = i % 2 === 1
        const destroyOnOpen = early && !preload && i % 4 >= 2
        // The modal gives focus back to its opener: give it one, as a click would.
        opener.focus()
        const connector = createConnector({
          connectorId,
          token,
          connectorUrl,
          ...(inline ? { container: '#inline' } : {}),
          // Every way to subscribe, so their removal is measured too.
          onExit: () => {},
        })
        let loaded = false
        connector.on('load', () => {
          loaded = true
        })
        connector.on('event', () => {})
        if (destroyOnOpen) connector.on('open', () => connector.destroy())
        // A prepared Connector has loaded (hidden) before open() shows it.
        if (preload) await connector.preload()
        const outcome = await connector.open().then(
          () => 'open',
          (/** @type {{ code?: string }} */ error) => error.code,
        )
        connector.destroy()
        // The modal is a <dialog> in the browser's top layer: destroy() must take it out of it.
        if (document.querySelectorAll(':modal').length > 0) {
          throw new Error(`cycle ${i}: a modal dialog is still in the top layer after destroy()`)
        }
        const expected = destroyOnOpen ? 'DESTROYED' : 'open'
        if (outcome !== expected || loaded === destroyOnOpen) {
          throw new Error(`cycle ${i}: open() ended with ${outcome}, loaded: ${loaded}`)
        }
        result.cycles += 1
        result.loads += loaded ? 1 : 0
        result.early += destroyOnOpen ? 1 : 0
        result.preloaded += preload ? 1 : 0
        result[inline ? 'inline' : 'modal'] += 1
      }
      result.ms = Math.round(performance.now() - started)
      return result
    },
    { count, token, connectorUrl, connectorId, early, preload },
  )
}
