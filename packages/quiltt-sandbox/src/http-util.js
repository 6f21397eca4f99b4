// @ts-check
import { createHash, timingSafeEqual } from 'node:crypto'

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

export const BODY_LIMIT = 64 * 1024
// Past this much discarded body we stop being polite and drop the socket.
const DRAIN_LIMIT = 8 * 1024 * 1024

/**
 * Sends a JSON response. Errors use Quiltt's `{ message, instruction }` shape.
 * @param {Res} res
 * @param {number} status
 * @param {unknown} [body] omitted for 204
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  if (res.headersSent) return
  const text = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, {
    ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  })
  res.end(text)
}

/**
 * @param {Res} res
 * @param {number} status
 * @param {string} message what went wrong
 * @param {string} instruction what to do about it
 * @param {{ extra?: Record<string, unknown>, headers?: Record<string, string> }} [more]
 */
export function sendError(res, status, message, instruction, more = {}) {
  sendJson(res, status, { message, instruction, ...more.extra }, more.headers)
}

/** @param {Res} res @param {string[]} allow */
export function sendMethodNotAllowed(res, allow) {
  sendError(res, 405, 'Method Not Allowed', `Use ${allow.join(' or ')} for this endpoint.`, {
    headers: { Allow: allow.join(', ') },
  })
}

/** @param {Res} res */
export function sendNotFound(res) {
  sendError(res, 404, 'Not Found', 'Check the method and path against the sandbox README.')
}

/**
 * The credential of an `Authorization: Bearer …` header, if any.
 * @param {Req} req
 * @returns {string | undefined}
 */
export function bearerToken(req) {
  const header = req.headers.authorization
  if (typeof header !== 'string') return undefined
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)
  return match ? match[1] : undefined
}

/**
 * Constant-time string comparison; hashing first hides length differences too.
 * @param {string} a
 * @param {string} b
 */
export function safeEqual(a, b) {
  const digest = (/** @type {string} */ s) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(a), digest(b))
}

/**
 * @typedef {{ ok: true, value: unknown } | { ok: false, status: number, message: string, instruction: string }} BodyResult
 */

/**
 * Reads a JSON request body of at most `BODY_LIMIT` bytes. An absent body reads as `{}`.
 * Oversized bodies are drained (not buffered) before answering so the client sees a clean 413
 * instead of a reset connection.
 * @param {Req} req
 * @returns {Promise<BodyResult>}
 */
export function readJsonBody(req) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = []
    let size = 0
    let settled = false
    /** @param {BodyResult} result */
    const settle = (result) => {
      if (!settled) resolve(result)
      settled = true
    }
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length
      if (size <= BODY_LIMIT) chunks.push(chunk)
      else if (size > DRAIN_LIMIT) {
        req.destroy()
        settle(tooLarge())
      }
    })
    req.on('error', () => settle(badRequest('The request body could not be read.')))
    req.on('end', () => {
      if (size > BODY_LIMIT) return settle(tooLarge())
      settle(parseBody(req.headers['content-type'], Buffer.concat(chunks)))
    })
  })
}

/**
 * @param {string | undefined} contentType
 * @param {Buffer} raw
 * @returns {BodyResult}
 */
function parseBody(contentType, raw) {
  if (raw.length === 0) return { ok: true, value: {} }
  const mediaType = (contentType ?? '').split(';')[0]?.trim() ?? ''.toLowerCase()
  if (mediaType !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(mediaType)) {
    return {
      ok: false,
      status: 415,
      message: 'Unsupported Media Type',
      instruction: 'Send a JSON body with `Content-Type: application/json`.',
    }
  }
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) }
  } catch {
    return badRequest('The request body is not valid JSON.')
  }
}

/** @returns {BodyResult} */
function tooLarge() {
  return {
    ok: false,
    status: 413,
    message: 'Payload Too Large',
    instruction: `Keep the JSON body under ${BODY_LIMIT / 1024} KB.`,
  }
}

/** @param {string} message @returns {BodyResult} */
function badRequest(message) {
  return { ok: false, status: 400, message, instruction: 'Send a well-formed JSON object.' }
}

/**
 * True for plain JSON objects (not arrays, not null).
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isPlainObject(value) {
  return Object.prototype.toString.call(value) === '[object Object]'
}
