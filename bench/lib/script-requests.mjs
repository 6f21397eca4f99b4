// How many times one page downloads connector.js when ten script-transport connectors open at
// once (SPEC §9 wants exactly one).

/**
 * Opens a fresh page, creates `count` connectors with distinct IDs, opens them all together,
 * waits for every Load, then destroys them. Counts connector.js requests seen by the browser.
 * @param {import('playwright').BrowserContext} context
 * @param {{ url: string, token: string, scriptUrl: string, count?: number }} options
 * @returns {Promise<{ requests: number, loads: number, leftover: number }>}
 *   `leftover`: connector.js modals still in the page after every connector's destroy()
 */
export async function countScriptRequests(context, { url, token, scriptUrl, count = 10 }) {
  const page = await context.newPage()
  let requests = 0
  // The SDK adds its agent to the query (?agent=quiltt-embed/…): the same script, whatever the query.
  const script = (url) => url.split(/[?#]/)[0]
  page.on('request', (request) => {
    if (script(request.url()) === script(scriptUrl)) requests += 1
  })
  try {
    await page.goto(url)
    const { loads, leftover } = await page.evaluate(
      async ({ token, scriptUrl, count }) => {
        const win = /** @type {any} */ (window)
        const connectors = Array.from({ length: count }, (_, i) =>
          win.QuilttEmbed.createConnector({
            connectorId: `ten-${i}`,
            token,
            transport: win.QuilttEmbed.scriptTransport,
            scriptUrl,
            // Ten Connectors loading at once on 2 busy cores can take a while.
            timeout: 60_000,
          }),
        )
        let loads = 0
        for (const connector of connectors) connector.on('load', () => loads++)
        await Promise.all(connectors.map((connector) => connector.open()))
        for (const connector of connectors) connector.destroy()
        // connector.js modals that destroy() left behind (see bench/README.md).
        const leftover = document.querySelectorAll('[role="dialog"]').length
        win.Quiltt.reset()
        return { loads, leftover }
      },
      { token, scriptUrl, count },
    )
    return { requests, loads, leftover }
  } finally {
    await page.close()
  }
}
