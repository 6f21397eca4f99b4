// @ts-check
import { createServer } from 'node:http'
import { SCRIPT_PATH } from './cdn.js'
import { createContext } from './context.js'
import { resolveOptions } from './options.js'
import { createRouter } from './router.js'

/**
 * @typedef {import('./options.js').SandboxOptions} SandboxOptions
 *
 * @typedef {object} Sandbox
 * @property {number} port the port actually bound
 * @property {string} authUrl Auth API origin, e.g. `http://127.0.0.1:3100`
 * @property {string} connectorUrl Connector origin template: `http://{connectorId}.localhost:3100`
 * @property {string} scriptUrl `http://cdn.localhost:3100/v1/connector.js`
 * @property {string} apiKeySecret the secret the Auth API accepts
 * @property {() => Promise<void>} close stops listening and drops open connections
 */

/**
 * Starts a local stand-in for Quiltt: Auth API, Connector app and connector.js on one port.
 *
 * @example
 * const sandbox = await startSandbox()
 * const res = await fetch(`${sandbox.authUrl}/v1/users/sessions`, {
 *   method: 'POST',
 *   headers: { Authorization: `Bearer ${sandbox.apiKeySecret}`, 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ email: 'ada@example.com' }),
 * })
 * const { token } = await res.json()
 * await sandbox.close()
 *
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
export async function startSandbox(options) {
  const config = resolveOptions(options)
  const server = createServer({ keepAliveTimeout: 5000 }, createRouter(createContext(config)))
  // Malformed requests never reach the router; answer them in the same JSON shape.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) {
      const body = JSON.stringify({
        message: 'Bad Request',
        instruction: 'Send a valid HTTP request.',
      })
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      )
    } else socket.destroy()
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve(undefined)
    })
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  // A wildcard listener is reachable on loopback; IPv6 literals need brackets in a URL.
  const loopback = { '0.0.0.0': '127.0.0.1', '::': '::1' }[config.host] ?? config.host
  const authHost = loopback.includes(':') ? `[${loopback}]` : loopback
  let closing
  return {
    port,
    authUrl: `http://${authHost}:${port}`,
    connectorUrl: `http://{connectorId}.localhost:${port}`,
    scriptUrl: `http://cdn.localhost:${port}${SCRIPT_PATH}`,
    apiKeySecret: config.apiKeySecret,
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve(undefined))
        server.closeAllConnections()
      })
      return closing
    },
  }
}
