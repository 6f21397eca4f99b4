// A bare host page for measurements: the script-tag build, an inline container, nothing else,
// so every node and listener on it is either the baseline or the SDK's.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { iifeBundle } from './paths.mjs'

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>quiltt-embed bench</title><link rel="icon" href="data:,"></head>
<body>
<button id="opener" type="button">Open</button>
<div id="inline" style="width:480px;height:720px"></div>
<script src="/quiltt-embed.min.js"></script>
</body>
</html>
`

/**
 * Serves the host page at `/` and the IIFE at `/quiltt-embed.min.js` on 127.0.0.1.
 * @param {{ bundle?: string }} [options] path of the IIFE (default: the built one)
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startPageServer({ bundle = iifeBundle } = {}) {
  const script = await readFile(bundle)
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/') {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      })
      res.end(PAGE)
    } else if (path === '/quiltt-embed.min.js') {
      res.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8' })
      res.end(script)
    } else {
      res.writeHead(404).end()
    }
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
