import { ConnectorError } from './connector-error'
import { field } from './is-record'

const SEGMENT = /^[\w-]+$/

function decode(segment: string): unknown {
  try {
    const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'))
    return JSON.parse(
      new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))),
    )
  } catch {}
}

/**
 * Checks that `value` has the shape of a session token — a compact JWS of at most 8 KB with a
 * real `alg` and a numeric `exp` — and returns its expiry (seconds). Signatures are not verified:
 * the browser has no key, and the Connector verifies the token itself.
 */
export function parseSessionToken(value: unknown): { exp: number } {
  const [header, payload, signature, extra] =
    typeof value === 'string' && value.length <= 8192 ? value.split('.') : []
  const alg = field(decode(header!), 'alg')
  const exp = field(decode(payload!), 'exp')
  if (
    extra !== undefined ||
    !signature ||
    ![header, payload, signature].every((segment) => SEGMENT.test(segment!)) ||
    typeof alg !== 'string' ||
    !alg ||
    /^none$/i.test(alg) ||
    typeof exp !== 'number' ||
    !Number.isFinite(exp)
  ) {
    // Never quote the value: a refused credential may well be an API secret.
    throw new ConnectorError(
      'INVALID_TOKEN',
      'Expected a Quiltt session token (a JWT). API secrets and Basic/Bearer credentials belong on your server: issue a session token there and pass that.',
    )
  }
  return { exp }
}

/** True once `exp` has passed, with 30 s of leeway for clock skew. */
export function isExpired(exp: number, nowMs = Date.now()): boolean {
  return exp * 1000 + 30_000 < nowMs
}

export function expiredToken(): ConnectorError {
  return new ConnectorError(
    'TOKEN_EXPIRED',
    'The session token expired: pass a token provider, or issue a new token.',
  )
}

/** `parseSessionToken` plus the expiry check (`TOKEN_EXPIRED`). */
export function assertSessionToken(value: unknown, nowMs?: number): { exp: number } {
  const token = parseSessionToken(value)
  if (isExpired(token.exp, nowMs)) throw expiredToken()
  return token
}
