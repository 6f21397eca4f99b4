// @ts-check
// Node's http and Express speak (req, res), not Request/Response: this adapts the Fetch
// handler, and hands `user()` the Node request so it can read the app's own session (req.user).
import { createHandler } from './handler.js'
import { own } from './options.js'
import { SessionError } from './session-error.js'

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * @param {import('./index.js').Sessions} sessions
 * @param {import('./index.js').NodeHandlerOptions<any>} options
 * @param {() => void} requireSecret
 * @returns {(req: IncomingMessage, res: ServerResponse) => Promise<void>}
 */
export function nodeHandlerFor(sessions, options, requireSecret) {
  const user = typeof options === 'object' && options !== null ? own(options, 'user') : undefined
  if (typeof user !== 'function') {
    throw new SessionError(
      'INVALID_OPTIONS',
      'nodeHandler: `user` must be a function (req) => ({ userId }) | attributes | undefined.',
    )
  }
  /** @type {WeakMap<Request, IncomingMessage>} */
  const nodeRequests = new WeakMap()
  const handle = createHandler(
    sessions,
    { ...options, user: (request) => user(nodeRequests.get(request)) },
    requireSecret,
  )

  return async function nodeSessionHandler(req, res) {
    // The endpoint reads no body; the Request carries method and headers only. Its URL's host
    // is a placeholder: the origin check reads the Host header, never the URL.
    let request
    try {
      request = new Request(new URL(req.url ?? '/', 'http://node-request.invalid'), {
        method: req.method,
        headers: toHeaders(req.headers),
      })
    } catch {
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ code: 'BAD_REQUEST', message: 'Malformed request URL or headers.' }))
      return
    }
    nodeRequests.set(request, req)
    const response = await handle(request)
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(await response.text())
  }
}

/** @param {import('node:http').IncomingHttpHeaders} incoming */
function toHeaders(incoming) {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming)) {
    if (name.startsWith(':')) continue
    for (const item of Array.isArray(value) ? value : [value ?? '']) headers.append(name, item)
  }
  return headers
}
