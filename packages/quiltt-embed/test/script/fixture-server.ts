// The script-transport fixture server: one node:http listener that answers for every
// `http://{name}.localhost:PORT` host (Chromium resolves them to loopback, so each name is a
// genuinely different origin from the vitest page). It serves a stand-in for Quiltt's
// connector.js with failure variants, a puppet Connector page, strict-CSP host pages that load the
// built IIFE, and counts every request so tests can assert what really went over the network.
import { readdir, readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

const HOST = /^[a-z0-9-]+\.localhost:\d+$/i
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url)
const sdkDir = new URL('../../', import.meta.url)
const BUNDLE = new URL('dist/quiltt-embed.min.js', sdkDir)

/** Scripts served from /fixtures/{name}; read per request so edits need no restart. */
const SCRIPTS = new Set([
  'connector.js',
  'puppet.js',
  'observe.js',
  'run-strict.js',
  'run-iife.js',
  'run-preload.js',
  'link-bank.js',
  'run-web-component.js',
])

export interface ScriptFixtureServer {
  port: number
  close(): Promise<void>
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A session token shaped like Quiltt's (HS512), as a server would render it into a page. */
function sessionToken(): string {
  const now = Math.floor(Date.now() / 1000)
  const payload = { iss: 'auth.quiltt.test', aud: 'api.quiltt.test', iat: now, nbf: now }
  return [
    base64url({ alg: 'HS512', typ: 'JWT' }),
    base64url({ ...payload, exp: now + 3600, jti: crypto.randomUUID(), oid: 'p_fixture' }),
    Buffer.from('fixture-signature-never-verified-by-the-sdk').toString('base64url'),
  ].join('.')
}

/** Is dist/quiltt-embed.min.js at least as new as every file in src/? */
async function bundleStatus(): Promise<{ ok: boolean; reason?: string }> {
  const built = await stat(BUNDLE).catch(() => undefined)
  if (!built)
    return { ok: false, reason: 'dist/quiltt-embed.min.js is missing: run `npx rollup -c`' }
  const src = new URL('src/', sdkDir)
  for (const name of await readdir(src)) {
    const { mtimeMs } = await stat(new URL(name, src))
    if (mtimeMs > built.mtimeMs) {
      return {
        ok: false,
        reason: `dist/quiltt-embed.min.js is older than src/${name}: run \`npx rollup -c\``,
      }
    }
  }
  return { ok: true }
}

function page(title: string, csp: string | undefined, head: string, body = ''): [string, object] {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body>${body}</body>
</html>
`
  return [html, csp ? { 'Content-Security-Policy': csp } : {}]
}

/** Host pages for the script-tag tests. Every script is external: no CSP here allows inline. */
function hostPage(
  pathname: string,
  query: URLSearchParams,
  port: number,
): [string, object] | undefined {
  const parent = query.get('parent') ?? ''
  const attrs = (data: Record<string, string>) =>
    Object.entries(data)
      .map(([key, value]) => ` data-${key}="${escapeHtml(value)}"`)
      .join('')
  const scripts = (run: string, data: Record<string, string>) =>
    '<script src="/fixtures/observe.js"></script>' +
    '<script src="/sdk/quiltt-embed.min.js"></script>' +
    `<script src="/fixtures/${run}"${attrs({ parent, ...data })}></script>`

  if (pathname === '/pages/strict.html') {
    // `policy`: the Trusted Types policy names the page allows; `nonce`: the nonce its CSP allows
    // (then connector.js's origin is NOT in script-src, so only the nonce can let it run).
    const policies = query.get('policies')
    const nonce = query.get('nonce')
    const csp = [
      policies !== null && `require-trusted-types-for 'script'; trusted-types ${policies}`,
      nonce
        ? `script-src 'self' 'nonce-${nonce}'`
        : `script-src 'self' http://cdn.localhost:${port}`,
      "object-src 'none'",
      "base-uri 'none'",
    ]
      .filter(Boolean)
      .join('; ')
    return page(
      'Strict host page',
      csp,
      scripts('run-strict.js', {
        token: sessionToken(),
        'script-url': query.get('scriptUrl') ?? '',
        nonce: query.get('useNonce') ?? '',
      }),
    )
  }
  if (pathname === '/pages/preload.html') {
    // preload() then open() with the IIFE, iframe or script transport, under a CSP with no
    // 'unsafe-inline' anywhere (styles included) and Trusted Types allowing only quiltt-embed.
    const csp = [
      "default-src 'self'",
      `script-src 'self' http://cdn.localhost:${port}`,
      `frame-src http://*.localhost:${port}`,
      "require-trusted-types-for 'script'",
      'trusted-types quiltt-embed',
    ].join('; ')
    return page(
      'Preload host page',
      csp,
      scripts('run-preload.js', {
        token: sessionToken(),
        transport: query.get('transport') ?? 'iframe',
        'connector-id': query.get('connectorId') ?? '',
        'connector-url': `http://{connectorId}.localhost:${port}`,
        'script-url': query.get('scriptUrl') ?? '',
        early: query.get('early') ?? '',
      }),
    )
  }
  if (pathname === '/pages/iife.html') {
    // The SDK tag sits in <head> and carries the page author's configuration; the container below
    // is parsed later, so only autoBind on DOMContentLoaded can find it. Strict CSP and Trusted
    // Types on top. `clobber=1`: markup injected before the SDK tag (which then sits at the end of
    // the body) tries to pass itself off as `document.currentScript` and to configure the SDK.
    const csp = [
      "default-src 'self'",
      `frame-src http://*.localhost:${port}`,
      "require-trusted-types-for 'script'",
      'trusted-types quiltt-embed',
    ].join('; ')
    // The page author's theme and words, when the test asks for them (data-theme-mode, data-label-*).
    const look = Object.fromEntries(
      ['theme-mode', 'label-dialog', 'label-close', 'label-loading'].flatMap((name) => {
        const value = query.get(name)
        return value === null ? [] : [[name, value]]
      }),
    )
    const sdk = `<script src="/sdk/quiltt-embed.min.js"${attrs({
      'token-url': '/api/session',
      'connector-url': `http://{connectorId}.localhost:${port}`,
      ...look,
    })}></script>`
    const tags = `<script src="/fixtures/observe.js"></script>${sdk}<script src="/fixtures/run-iife.js"${attrs({ parent })}></script>`
    const markupTheme = query.get('markupTheme')
    const container = `<div id="inline"${attrs({
      'quiltt-container': query.get('connectorId') ?? '',
      ...(markupTheme === null ? {} : { 'quiltt-theme-mode': markupTheme }),
    })}></div>`
    if (query.get('clobber')) {
      const injected = `<img name="currentScript"${attrs({
        'token-url': '/api/evil-session',
        'connector-url': `http://evil.localhost:${port}`,
        parent,
      })}><form name="currentScript"></form>`
      return page('Script-tag host page', csp, '', injected + container + tags)
    }
    return page('Script-tag host page', csp, tags, container)
  }
  if (pathname === '/pages/web-component.html') {
    // The README's web component: its button is in a shadow root, which the script tag's own
    // autoBind(document) does not look into; the element binds it with autoBind(shadowRoot).
    const csp = [
      "default-src 'self'",
      `frame-src http://*.localhost:${port}`,
      "require-trusted-types-for 'script'",
      'trusted-types quiltt-embed',
    ].join('; ')
    const tags =
      `<script src="/sdk/quiltt-embed.min.js"${attrs({
        'token-url': '/api/session',
        'connector-url': `http://{connectorId}.localhost:${port}`,
      })}></script>` +
      '<script src="/fixtures/link-bank.js"></script>' +
      `<script src="/fixtures/run-web-component.js"${attrs({ parent })}></script>`
    const element = `<link-bank connector-id="${escapeHtml(query.get('connectorId') ?? '')}"></link-bank>`
    return page('Web component host page', csp, tags, element)
  }
  return undefined
}

/** A token request as the host page's endpoint received it, for tests to read back. */
interface TokenRequestSeen {
  path: string
  method: string | undefined
  contentType: string | null
  body: string
  origin: string | null
  secFetchSite: string | null
}

/** The request body as text (a token request's is tiny; more than 1 KB is cut). */
async function readBody(request: IncomingMessage): Promise<string> {
  let body = ''
  for await (const chunk of request) body = (body + chunk).slice(0, 1024)
  return body
}

export async function startScriptFixtureServer(): Promise<ScriptFixtureServer> {
  /** Requests seen per `pathname + search`. */
  const counts = new Map<string, number>()
  /** Token requests per page origin (`http://{name}.localhost:PORT`), in order. */
  const tokenRequests = new Map<string, TokenRequestSeen[]>()
  /** Requests held open until `/__release?key=…` (or until the server closes). */
  const held = new Map<string, ServerResponse[]>()
  /** Keys already released: later requests under them are answered at once. */
  const released = new Set<string>()
  let port = 0

  const send = (
    response: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    headers: object = {},
  ) => {
    response.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      ...headers,
    })
    response.end(body)
  }
  const js = 'text/javascript; charset=utf-8'

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const host = request.headers.host ?? ''
    const url = new URL(request.url ?? '/', `http://${HOST.test(host) ? host : 'localhost'}`)
    const key = url.pathname + url.search
    counts.set(key, (counts.get(key) ?? 0) + 1)
    const query = url.searchParams

    if (url.pathname === '/__stats') {
      const path = query.get('path') ?? ''
      return send(
        response,
        200,
        'application/json',
        JSON.stringify({ count: counts.get(path) ?? 0 }),
      )
    }
    if (url.pathname === '/__release') {
      const key = query.get('key') ?? ''
      const waiting = held.get(key) ?? []
      held.delete(key)
      released.add(key)
      for (const release of waiting) release.emit('release')
      return send(response, 200, 'application/json', JSON.stringify({ released: waiting.length }))
    }
    if (url.pathname === '/__token-requests') {
      const seen = tokenRequests.get(query.get('origin') ?? '') ?? []
      return send(response, 200, 'application/json', JSON.stringify(seen))
    }
    if (url.pathname === '/__bundle') {
      return send(response, 200, 'application/json', JSON.stringify(await bundleStatus()))
    }
    if (!HOST.test(host)) return send(response, 404, 'text/plain', 'use http://{name}.localhost')

    // The host pages' same-origin token endpoints (only POST, as the SDK sends). Each records
    // what really arrived over the wire, headers the browser set included.
    if (/^\/api\/(evil-)?session$/.test(url.pathname)) {
      const origin = `http://${host}`
      tokenRequests.set(origin, [
        ...(tokenRequests.get(origin) ?? []),
        {
          path: url.pathname,
          method: request.method,
          contentType: request.headers['content-type'] ?? null,
          body: await readBody(request),
          origin: request.headers.origin ?? null,
          secFetchSite: (request.headers['sec-fetch-site'] as string | undefined) ?? null,
        },
      ])
      if (request.method !== 'POST') return send(response, 405, 'application/json', '{}')
      return send(response, 200, 'application/json', JSON.stringify({ token: sessionToken() }))
    }

    if (url.pathname === '/v1/connector.js') {
      // Variants, all keyed on the exact URL (whatever its `agent`, as the SDK adds one and a
      // page's own tag may not) so each test has its own:
      // fail=N      → HTTP 500 for the first N requests of this URL, then the script
      // noglobal=1  → a script that runs but never defines window.Quiltt
      // hold=KEY    → no answer until /__release?key=KEY (never, if nobody releases it); at
      //               once after that
      const hold = query.get('hold')
      if (hold && !released.has(hold)) {
        held.set(hold, [...(held.get(hold) ?? []), response])
        await new Promise((resolve) => response.once('release', resolve))
      }
      const script = new URL(url)
      script.searchParams.delete('agent')
      const scriptKey = `script ${script.pathname}${script.search}`
      counts.set(scriptKey, (counts.get(scriptKey) ?? 0) + 1)
      if ((counts.get(scriptKey) ?? 0) <= Number(query.get('fail') ?? 0)) {
        return send(response, 500, 'text/plain', 'fixture: failing on purpose')
      }
      if (query.get('noglobal'))
        return send(response, 200, js, 'window.__quilttNoGlobalRan = true\n')
      return send(response, 200, js, await readFile(fixture('connector.js')))
    }
    if (url.pathname.startsWith('/fixtures/')) {
      const name = url.pathname.slice('/fixtures/'.length)
      if (!SCRIPTS.has(name)) return send(response, 404, 'text/plain', 'no such fixture')
      return send(response, 200, js, await readFile(fixture(name)))
    }
    if (url.pathname === '/sdk/quiltt-embed.min.js') {
      const body = await readFile(BUNDLE).catch(() => undefined)
      if (!body) return send(response, 404, 'text/plain', 'run `npx rollup -c` first')
      return send(response, 200, js, body)
    }
    const hostPageHtml = hostPage(url.pathname, query, port)
    if (hostPageHtml) {
      const [html, headers] = hostPageHtml
      return send(response, 200, 'text/html; charset=utf-8', html, headers)
    }
    // Anything else is the puppet Connector: `http://{connectorId}.localhost:PORT/?…`.
    const [html] = page(
      'Puppet Connector',
      undefined,
      '<script src="/fixtures/puppet.js"></script>',
    )
    return send(response, 200, 'text/html; charset=utf-8', html, {
      'Content-Security-Policy': "default-src 'self'",
    })
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
