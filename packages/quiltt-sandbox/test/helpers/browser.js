// @ts-check
// Real-Chromium fixtures: an integrator's host page on its own origin (127.0.0.1:another port),
// and helpers to watch what the embedded Connector posts to it.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { chromium } from 'playwright'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { launchOptions } from '../../../../scripts/chromium.mjs'
import { startSandbox } from '../../src/index.js'

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

/**
 * @typedef {object} HostPage
 * @property {Awaited<ReturnType<typeof startSandbox>>} sandbox
 * @property {Awaited<ReturnType<typeof startHostServer>>} host
 * @property {import('playwright').BrowserContext} context
 * @property {import('playwright').Page} page the host page, fresh for each test
 */

/**
 * Registers the hooks of a browser test file: one sandbox, host server and Chromium for the file;
 * a fresh context and host page per test (then `prepare`), which must end without a CSP or
 * Trusted Types error or violation. The returned object's fields are set by those hooks.
 * @param {(env: HostPage) => Promise<unknown>} [prepare]
 * @returns {HostPage}
 */
export function useHostPage(prepare) {
  const env = /** @type {HostPage} */ ({})
  /** @type {import('playwright').Browser} */
  let browser
  /** @type {string[]} */
  let errors = []
  beforeAll(async () => {
    env.sandbox = await startSandbox()
    env.host = await startHostServer(env.sandbox.port)
    browser = await launchBrowser()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await env.host?.close()
    await env.sandbox?.close()
  })
  beforeEach(async () => {
    env.context = await browser.newContext()
    env.page = await env.context.newPage()
    errors = watchErrors(env.page)
    await env.page.goto(env.host.pageUrl)
    await prepare?.(env)
  })
  afterEach(async () => {
    expect(errors.filter((e) => /Content Security Policy|Trusted Type/i.test(e))).toEqual([])
    expect(await env.page.evaluate(() => /** @type {any} */ (window).violations)).toEqual([])
    await env.context.close()
  })
  return env
}
