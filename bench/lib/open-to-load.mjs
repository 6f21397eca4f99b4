// One timed open → Load on the bench page, through quiltt-embed or by hand, for each transport.
// Every function starts its clock just before the first call an integrator would make and
// stops it when the Connector's Load arrives, then removes everything it added.

/**
 * @typedef {object} RunOptions
 * @property {string} token a fresh session token
 * @property {string} connectorId
 * @property {string} connectorUrl the sandbox's `http://{connectorId}.localhost:PORT` template
 * @property {string} scriptUrl the sandbox's connector.js
 */

/** @typedef {(page: import('playwright').Page, options: RunOptions) => Promise<number>} Run */

/**
 * quiltt-embed: createConnector(the options `configure` picks) + open() → `load`, then
 * `destroy()`.
 * @param {(options: RunOptions) => Record<string, unknown>} configure
 * @returns {Run}
 */
const sdkRun = (configure) => (page, options) =>
  page.evaluate(async (config) => {
    const { createConnector, scriptTransport } = /** @type {any} */ (window).QuilttEmbed
    const started = performance.now()
    // Transports are values: the string from Node becomes the SDK's own.
    const connector = createConnector({
      ...config,
      transport: config.transport === 'script' ? scriptTransport : undefined,
    })
    let loadedAt = 0
    connector.on('load', () => {
      loadedAt = performance.now()
    })
    await connector.open()
    connector.destroy()
    return loadedAt - started
  }, configure(options))

/** quiltt-embed, iframe transport, inline in `#inline`. */
export const sdkIframe = sdkRun(({ token, connectorId, connectorUrl }) => ({
  connectorId,
  token,
  connectorUrl,
  container: '#inline',
}))

/**
 * A hand-made iframe with the same URL, attributes and container as the SDK's, timed until the
 * Connector's `{ source: 'quiltt', type: 'Load' }` message from that iframe and origin.
 * @type {Run}
 */
export const bareIframe = (page, options) =>
  page.evaluate(async ({ token, connectorId, connectorUrl }) => {
    const origin = connectorUrl.split('{connectorId}').join(connectorId)
    const started = performance.now()
    const url = new URL('/', origin)
    url.searchParams.set('mode', 'INLINE')
    url.searchParams.set('token', token)
    url.searchParams.set('embed_location', location.origin + location.pathname)
    const iframe = document.createElement('iframe')
    iframe.title = 'Quiltt Connector'
    iframe.setAttribute('allow', 'publickey-credentials-get *')
    iframe.src = url.href
    Object.assign(iframe.style, { display: 'block', width: '100%', height: '100%', border: '0' })
    /** @type {(event: MessageEvent) => void} */
    let listener = () => {}
    const loadedAt = await new Promise((resolve) => {
      listener = (event) => {
        if (event.source !== iframe.contentWindow || event.origin !== origin) return
        if (event.data?.source === 'quiltt' && event.data.type === 'Load')
          resolve(performance.now())
      }
      window.addEventListener('message', listener)
      document.getElementById('inline')?.append(iframe)
    })
    window.removeEventListener('message', listener)
    iframe.remove()
    return loadedAt - started
  }, options)

/**
 * quiltt-embed, script transport. Its `destroy()` takes connector.js's modal down with
 * `Quiltt.resetConnector` (the bare run calls it itself).
 */
export const sdkScript = sdkRun(({ token, connectorId, scriptUrl }) => ({
  connectorId,
  token,
  transport: 'script',
  scriptUrl,
}))

/**
 * `window.Quiltt` directly (connector.js already on the page): authenticate, connect, open →
 * onLoad.
 * @type {Run}
 */
export const bareScript = (page, options) =>
  page.evaluate(async ({ token, connectorId }) => {
    const Quiltt = /** @type {any} */ (window).Quiltt
    const started = performance.now()
    Quiltt.authenticate(token)
    const connector = Quiltt.connect(connectorId, {})
    const loadedAt = await new Promise((resolve) => {
      const onLoad = () => {
        connector.offLoad(onLoad)
        resolve(performance.now())
      }
      connector.onLoad(onLoad)
      connector.open()
    })
    Quiltt.resetConnector(connectorId)
    return loadedAt - started
  }, options)

/**
 * open() → `load` on an inline connector, with the clock started at open() (createConnector and,
 * with `preload`, a whole preload() before it are not timed). Then `destroy()`.
 * @param {boolean} preload prepare the Connector first: open() then shows it
 * @returns {Run}
 */
const openRun = (preload) => (page, options) =>
  page.evaluate(
    async ({ token, connectorId, connectorUrl, preload }) => {
      const { createConnector } = /** @type {any} */ (window).QuilttEmbed
      const connector = createConnector({ connectorId, token, connectorUrl, container: '#inline' })
      if (preload) await connector.preload()
      let loadedAt = 0
      connector.on('load', () => {
        loadedAt = performance.now()
      })
      const started = performance.now()
      await connector.open()
      connector.destroy()
      return loadedAt - started
    },
    { ...options, preload },
  )

/** quiltt-embed, iframe transport, inline: open() → `load` after preload() resolved. */
export const sdkPreloaded = openRun(true)

/** The same, cold: open() → `load` with the token in hand but the Connector not loaded yet. */
export const sdkCold = openRun(false)
