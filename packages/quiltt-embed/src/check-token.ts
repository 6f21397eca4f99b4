import { ConnectorError } from './connector-error'
import { field } from './is-record'

/**
 * Decodes a base64url JSON segment, or `undefined`. Bytes past ASCII come out as Latin-1 rather
 * than UTF-8; that never changes whether the JSON parses, and only ASCII keys are read.
 */
function decode(segment?: string): unknown {
  try {
    return JSON.parse(atob(segment!.replace(/-/g, '+').replace(/_/g, '/')))
  } catch {}
}

/**
 * Checks that `value` has the shape of a session token — a compact JWS of at most 8 KB with a
 * real `alg` and a numeric `exp` — and returns its `exp` (seconds). Signatures are not verified:
 * the browser has no key, and the Connector verifies the token itself.
 */
export function parseSessionToken(value: unknown): number {
  const segments = typeof value === 'string' && value.length <= 8192 ? value.split('.') : []
  const alg = field(decode(segments[0]), 'alg')
  const exp = field(decode(segments[1]), 'exp')
  if (
    segments.length !== 3 ||
    !segments.every((segment) => /^[\w-]+$/.test(segment)) ||
    typeof alg !== 'string' ||
    /^(none)?$/i.test(alg) ||
    typeof exp !== 'number' ||
    !Number.isFinite(exp)
  ) {
    // Never quote the value: a refused credential may well be an API secret.
    throw new ConnectorError(
      'INVALID_TOKEN',
      'Expected a session token (JWT): API secrets stay on your server, which issues session tokens.',
    )
  }
  return exp
}

/** `parseSessionToken`, then `TOKEN_EXPIRED` once `exp` has passed (30 s leeway for clock skew). */
export function assertSessionToken(value: unknown, nowMs = Date.now()): number {
  const exp = parseSessionToken(value)
  if (exp * 1000 + 30_000 < nowMs) {
    throw new ConnectorError(
      'TOKEN_EXPIRED',
      'The session token expired: pass a new one, or a token provider.',
    )
  }
  return exp
}
