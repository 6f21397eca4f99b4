import { ConnectorError } from './connector-error'
import { isRecord, own } from './is-record'

const MAX_TOKEN_LENGTH = 8192
const BASE64URL_SEGMENT = /^[A-Za-z0-9_-]+$/
/** Clock skew tolerated between the server that minted the token and this browser. */
const EXPIRY_LEEWAY_MS = 30_000

// The message never quotes the value: a refused credential may be an API secret.
const NOT_A_SESSION_TOKEN =
  'Expected a Quiltt session token (a JWT). API secrets and Basic/Bearer credentials belong on ' +
  'your server only: issue a session token there and pass that.'

function decodeJson(segment: string): unknown {
  try {
    const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
    return JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return undefined
  }
}

/**
 * Checks that `value` has the shape of a session token (a compact JWS with a real `alg` and a
 * numeric `exp`) and returns its expiry in seconds. Signatures are not verified: the browser has
 * no key, and the Connector verifies the token anyway.
 */
export function parseSessionToken(value: unknown): { exp: number } {
  if (typeof value !== 'string' || value.length > MAX_TOKEN_LENGTH) throw invalidToken()
  const segments = value.split('.')
  if (segments.length !== 3 || !segments.every((part) => BASE64URL_SEGMENT.test(part))) {
    throw invalidToken()
  }
  const header = decodeJson(segments[0]!)
  const alg = isRecord(header) ? own(header, 'alg') : undefined
  if (typeof alg !== 'string' || alg === '' || alg.toLowerCase() === 'none') throw invalidToken()
  const payload = decodeJson(segments[1]!)
  const exp = isRecord(payload) ? own(payload, 'exp') : undefined
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw invalidToken()
  return { exp }
}

/** True when the token has expired, allowing for clock skew. */
export function isExpired(exp: number, nowMs: number): boolean {
  return exp * 1000 + EXPIRY_LEEWAY_MS < nowMs
}

/** `parseSessionToken` plus the expiry check: throws `TOKEN_EXPIRED` for an expired token. */
export function assertSessionToken(value: unknown, nowMs = Date.now()): { exp: number } {
  const token = parseSessionToken(value)
  if (isExpired(token.exp, nowMs)) throw expiredToken()
  return token
}

function invalidToken(): ConnectorError {
  return new ConnectorError('INVALID_TOKEN', NOT_A_SESSION_TOKEN)
}

/** The message points to the fix: a fresh token from the server, ideally through a provider. */
export function expiredToken(): ConnectorError {
  return new ConnectorError(
    'TOKEN_EXPIRED',
    'Session token expired: pass a token provider function, or issue a new token on your server.',
  )
}
