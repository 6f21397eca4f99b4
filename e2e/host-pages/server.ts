// The host pages' own server, as an integrator runs one: on loopback, beside the sandbox (a page
// Playwright fulfils from a route has no address, so Chromium's local network checks would then
// refuse the sandbox's loopback Connector frame). It serves the pages under /host-pages/, the
// built IIFE under /sdk/, and a session endpoint that asks the sandbox's Auth API for a token
// with the API secret, as a real server does. Pages written as HTML get the sandbox's Connector
// ID and URL filled in; the bundled pages get a shell carrying them. No Content-Security-Policy:
// these are ordinary app pages.
import { readFile } from 'node:fs/promises'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Demo } from '../fixtures'
import { BUNDLES } from './build'

type Sandbox = NonNullable<Demo['sandbox']>

const pages = new URL('./pages/', import.meta.url)
const root = new URL('../../', import.meta.url)
const FILES: Record<string, [URL, string]> = {
  '/sdk/quiltt-embed.min.js': [
    new URL('packages/quiltt-embed/dist/quiltt-embed.min.js', root),
    'text/javascript',
  ],
  '/host-pages/pico.min.css': [
    new URL('node_modules/@picocss/pico/css/pico.min.css', root),
    'text/css',
  ],
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

/** The page for a bundle: its config on body, a root to render into, the bundle as a module. */
const shell = (name: string, config: Record<string, string>) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Accounts: ${name}</title>
<script type="module" src="/host-pages/${name}.js"></script>
</head>
<body data-connector-id="${config.connectorId}" data-connector-url="${config.connectorUrl}">
<div id="root"></div>
</body>
</html>
`

/** A file's text, or undefined when there is none. */
const read = (url: URL) => readFile(url, 'utf8').catch(() => undefined)

/** What `/host-pages/{file}` answers: [content type, body], or undefined for a 404. */
async function hostPageFile(
  file: string,
  config: Record<string, string>,
): Promise<[string, string | undefined] | undefined> {
  if (!/^[a-z-]+\.(html|js)$/.test(file)) return undefined
  if (file.endsWith('.js')) {
    const script = (await read(new URL(file, BUNDLES))) ?? (await read(new URL(file, pages)))
    return ['text/javascript', script]
  }
  const html = await read(new URL(file, pages))
  if (html !== undefined) {
    return ['text/html', html.replace(/\{\{(\w+)\}\}/g, (_, key: string) => config[key] ?? '')]
  }
  const name = file.replace(/\.html$/, '')
  const bundled = await read(new URL(`${name}.js`, BUNDLES))
  return ['text/html', bundled === undefined ? undefined : shell(name, config)]
}

/** A session token for a new Profile, from the sandbox's Auth API, as a server asks Quiltt. */
async function sessionToken(sandbox: Sandbox): Promise<string> {
  const response = await fetch(`${sandbox.authUrl}/v1/users/sessions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${sandbox.apiKeySecret}`,
      'content-type': 'application/json',
    },
    body: '{}',
  })
  if (!response.ok) throw new Error(`the sandbox refused a session: ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

const send = (response: ServerResponse, status: number, type: string, body: string) => {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
  })
  response.end(body)
}

export interface HostPagesServer {
  /** The pages' origin, `http://localhost:PORT`. */
  url: string
  close(): Promise<void>
}

export async function startHostPages(
  sandbox: Sandbox,
  connectorId: string,
): Promise<HostPagesServer> {
  const config = {
    connectorId: escapeAttribute(connectorId),
    connectorUrl: escapeAttribute(sandbox.connectorUrl),
  }
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost')
    try {
      if (pathname === '/api/quiltt/session' && request.method === 'POST') {
        return send(
          response,
          200,
          'application/json',
          JSON.stringify({ token: await sessionToken(sandbox) }),
        )
      }
      const known = FILES[pathname]
      const [type, body] = known
        ? [known[1], await read(known[0])]
        : pathname.startsWith('/host-pages/')
          ? ((await hostPageFile(pathname.slice('/host-pages/'.length), config)) ?? [])
          : []
      if (body === undefined) return send(response, 404, 'text/plain', `not found: ${pathname}`)
      return send(response, 200, type!, body)
    } catch (error) {
      return send(response, 500, 'text/plain', String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
