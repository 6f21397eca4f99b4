// The host page the engine scenarios drive, on its own origin (`http://app.localhost:PORT`), next
// to the SDK tests' two fixture servers, reused as they are: the puppet Connector on every
// `http://{id}.localhost:PORT` (another origin per connectorId) and the connector.js stand-in on
// `http://cdn.localhost:PORT` (with request counts). The host page loads the BUILT bundles.
import { readFile } from 'node:fs/promises'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startFixtureServer } from '../../packages/quiltt-embed/test/fixtures/server'
import { startScriptFixtureServer } from '../../packages/quiltt-embed/test/script/fixture-server'
import { HARNESS, hostPage, type PageOptions } from './host-page'

const root = new URL('../../', import.meta.url)
const FILES: Record<string, URL> = {
  '/sdk/index.js': new URL('packages/quiltt-embed/dist/index.js', root),
  '/sdk/quiltt-embed.min.js': new URL('packages/quiltt-embed/dist/quiltt-embed.min.js', root),
  '/nanoevents/index.js': new URL('node_modules/nanoevents/index.js', root),
  ...Object.fromEntries(
    HARNESS.map((name) => [
      `/harness/${name}.js`,
      new URL(`./page/harness/${name}.js`, import.meta.url),
    ]),
  ),
  '/boot-esm.js': new URL('./page/boot-esm.js', import.meta.url),
  '/boot-iife.js': new URL('./page/boot-iife.js', import.meta.url),
  '/no-trusted-types.js': new URL('./page/no-trusted-types.js', import.meta.url),
}

export interface Servers {
  /** The host page's origin, e.g. `http://app.localhost:41234`. */
  app: string
  puppetPort: number
  scriptPort: number
  /** The host page URL for these options. */
  pageUrl(options?: PageOptions): string
  /** How many requests the connector.js server received for exactly `url`. */
  scriptRequests(url: string): Promise<number>
  close(): Promise<void>
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A session token shaped like Quiltt's (the SDK checks its shape and `exp`, not the signature). */
function sessionToken(): string {
  const now = Math.floor(Date.now() / 1000)
  const claims = { iat: now, nbf: now, exp: now + 3600, jti: crypto.randomUUID(), oid: 'p_page' }
  return `${base64url({ alg: 'HS512', typ: 'JWT' })}.${base64url(claims)}.c2lnbmF0dXJl`
}

const send = (response: ServerResponse, status: number, type: string, body: string | Buffer) => {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body)
}

export async function startServers(): Promise<Servers> {
  const puppet = await startFixtureServer()
  const script = await startScriptFixtureServer()
  const ports = { puppet: puppet.port, script: script.port }
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://app.localhost')
    if (url.pathname === '/session' && request.method === 'POST') {
      // The page's own token endpoint, as an integrator's server has one.
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      return response.end(JSON.stringify({ token: sessionToken() }))
    }
    if (url.pathname === '/favicon.ico') return send(response, 204, 'image/x-icon', '')
    if (url.pathname === '/page') {
      const { html, csp } = hostPage(Object.fromEntries(url.searchParams), ports)
      if (csp) response.setHeader('Content-Security-Policy', csp)
      return send(response, 200, 'text/html; charset=utf-8', html)
    }
    const file = FILES[url.pathname]
    if (!file) return send(response, 404, 'text/plain', 'not found')
    let body = await readFile(file, 'utf8').catch(() => undefined)
    if (body === undefined) return send(response, 404, 'text/plain', 'run `npm run build` first')
    // The ESM build imports its one dependency by name; the page has no bundler to resolve it.
    if (url.pathname === '/sdk/index.js')
      body = body.replace(/from 'nanoevents'/g, "from '/nanoevents/index.js'")
    return send(response, 200, 'text/javascript; charset=utf-8', body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const app = `http://app.localhost:${(server.address() as AddressInfo).port}`
  return {
    app,
    puppetPort: puppet.port,
    scriptPort: script.port,
    pageUrl(options = {}) {
      const url = new URL('/page', app)
      for (const [key, value] of Object.entries(options)) url.searchParams.set(key, String(value))
      return url.href
    },
    async scriptRequests(scriptUrl) {
      const { pathname, search } = new URL(scriptUrl)
      const stats = `http://127.0.0.1:${script.port}/__stats?path=${encodeURIComponent(pathname + search)}`
      return ((await (await fetch(stats)).json()) as { count: number }).count
    },
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await Promise.all([puppet.close(), script.close()])
    },
  }
}
