// @ts-check
// Real-Chromium fixtures: an integrator's host page on its own origin (127.0.0.1:another port),
// and helpers to watch what the embedded Connector posts to it.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { chromium } from 'playwright'
import { expect } from 'vitest'
import { launchOptions } from '../../../../scripts/chromium.mjs'

const HOST_JS = new URL('../fixtures/host.js', import.meta.url)
const HOST_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Host page</title><script src="/host.js"></script></head>
<body><main><h1>Host page</h1><button id="opener" type="button">Link account</button><div id="slot"></div></main></body>
</html>`

/**
 * Serves the host page with a strict CSP that only allows the sandbox's CDN and Connectors.
 * @param {number} sandboxPort
 */
export async function startHostServer(sandboxPort) {
  const script = await readFile(HOST_JS, 'utf8')
  const csp = [
    "default-src 'none'",
    `script-src 'self' http://cdn.localhost:${sandboxPort}`,
    `frame-src http://*.localhost:${sandboxPort}`,
    "style-src 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types host',
  ].join('; ')
  const server = createServer((req, res) => {
    const isScript = req.url === '/host.js'
    res.writeHead(200, {
      'Content-Type': isScript ? 'text/javascript' : 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-store',
    })
    res.end(isScript ? script : HOST_HTML)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const origin = `http://127.0.0.1:${port}`
  return {
    origin,
    pageUrl: `${origin}/account/link`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined))
        server.closeAllConnections()
      }),
  }
}

export function launchBrowser() {
  return chromium.launch(launchOptions())
}

/**
 * Collects console errors and page errors from every frame, to assert CSP cleanliness.
 * @param {import('playwright').Page} page
 */
export function watchErrors(page) {
  /** @type {string[]} */
  const errors = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/** @param {import('playwright').Page} page @returns {Promise<any[]>} */
export function received(page) {
  return page.evaluate(() => /** @type {any} */ (window).received)
}

/**
 * Waits until the host has received messages of exactly these types, in this order.
 * @param {import('playwright').Page} page @param {string[]} types
 */
export async function expectMessages(page, types) {
  await expect
    .poll(async () => (await received(page)).map((message) => message.type), { timeout: 10_000 })
    .toEqual(types)
  return received(page)
}
