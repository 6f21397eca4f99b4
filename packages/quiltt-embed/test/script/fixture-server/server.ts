// The script-transport fixture server: one node:http listener that answers for every
// `http://{name}.localhost:PORT` host (Chromium resolves them to loopback, so each name is a
// genuinely different origin from the vitest page). This file routes each request to the module
// that answers it and counts every request, so tests can assert what really went over the network.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { answerConnectorScript } from './connector-script'
import { answerControl } from './control'
import { sendBundle, sendFixtureScript } from './files'
import { hostPage } from './host-pages'
import { page } from './html'
import { send } from './respond'
import { countRequest, createFixtureState } from './state'
import { answerTokenRequest, TOKEN_ENDPOINT } from './token-endpoint'

const HOST = /^[a-z0-9-]+\.localhost:\d+$/i

export interface ScriptFixtureServer {
  port: number
  close(): Promise<void>
}

export async function startScriptFixtureServer(): Promise<ScriptFixtureServer> {
  const state = createFixtureState()
  let port = 0

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const host = request.headers.host ?? ''
    const url = new URL(request.url ?? '/', `http://${HOST.test(host) ? host : 'localhost'}`)
    countRequest(state, url.pathname + url.search)

    if (await answerControl(state, url, response)) return
    if (!HOST.test(host)) return send(response, 404, 'text/plain', 'use http://{name}.localhost')

    if (TOKEN_ENDPOINT.test(url.pathname)) {
      return answerTokenRequest(state, request, response, host, url.pathname)
    }
    if (url.pathname === '/v1/connector.js') return answerConnectorScript(state, url, response)
    if (url.pathname.startsWith('/fixtures/')) {
      return sendFixtureScript(response, url.pathname.slice('/fixtures/'.length))
    }
    if (url.pathname === '/sdk/quiltt-embed.min.js') return sendBundle(response)
    const hostPageHtml = hostPage(url.pathname, url.searchParams, port)
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
