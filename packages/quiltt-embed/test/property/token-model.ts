// A model of SPEC §5's session token, written from the spec and not from src/check-token.ts:
// `tokenOracle` says what `assertSessionToken(value, NOW_MS)` must do, and the generators build
// valid tokens (with their exp), near-miss headers and payloads, and character-level mutations.
import fc from 'fast-check'
import { base64url, plainObject } from './arbitraries'
import { isPlain, own } from './message-model'

export type Verdict = number | 'INVALID_TOKEN' | 'TOKEN_EXPIRED'

/** A fixed clock, so expiry is decided by the generated exp alone. */
export const NOW_MS = 1_750_000_000_000
export const NOW_S = NOW_MS / 1000
export const MAX_LENGTH = 8192

const SEGMENT = /^[A-Za-z0-9_-]+$/

function decodeJson(segment: string): unknown {
  if (segment.length % 4 === 1) return undefined // no byte string encodes to that length
  try {
    return JSON.parse(new TextDecoder().decode(Buffer.from(segment, 'base64url')))
  } catch {
    return undefined
  }
}

/**
 * What checking `value` at `nowMs` must give: its exp, or the error code. A token is three
 * non-empty base64url segments, at most 8 KB, whose header is a JSON object with a non-empty
 * string `alg` other than `none` (any case) and whose payload is a JSON object with a finite
 * number `exp`; expired when `exp` plus 30 s of leeway is before now.
 */
export function tokenOracle(value: unknown, nowMs = NOW_MS): Verdict {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return 'INVALID_TOKEN'
  const segments = value.split('.')
  if (segments.length !== 3 || !segments.every((segment) => SEGMENT.test(segment))) {
    return 'INVALID_TOKEN'
  }
  const [header, payload] = segments.map(decodeJson)
  const alg = isPlain(header) ? own(header, 'alg') : undefined
  const exp = isPlain(payload) ? own(payload, 'exp') : undefined
  if (typeof alg !== 'string' || alg === '' || alg.toLowerCase() === 'none') return 'INVALID_TOKEN'
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'INVALID_TOKEN'
  return exp * 1000 + 30_000 < nowMs ? 'TOKEN_EXPIRED' : exp
}

// ---- generators -------------------------------------------------------------------------------

const unicode = fc.string({ unit: 'binary' })
/** Claims in any script, so encoded segments are full of `-` and `_`. */
const claims = (reserved: string) =>
  fc.array(
    fc.tuple(
      unicode.filter((key) => key !== reserved),
      fc.oneof(unicode, fc.jsonValue({ maxDepth: 1, stringUnit: 'binary' })),
    ),
    { maxLength: 4 },
  )
const json = (entries: [string, unknown][]) => JSON.stringify(plainObject(entries))

export const goodAlg = fc.oneof(
  fc.constantFrom('HS512', 'HS256', 'RS256', 'ES256', 'EdDSA', 'nonE256', ' none'),
  unicode.filter((alg) => alg !== '' && !/^none$/i.test(alg)),
)
export const badAlg = fc.oneof(
  fc.constantFrom('none', 'NONE', 'None', 'nOnE', ''),
  fc.jsonValue().filter((alg) => typeof alg !== 'string'),
)
export const futureExp = fc.oneof(
  fc.integer({ min: NOW_S - 30, max: NOW_S + 10 * 365 * 86_400 }),
  fc.double({ min: NOW_S - 30, max: Number.MAX_VALUE, noNaN: true }),
)
export const pastExp = fc.oneof(
  fc.integer({ min: -(2 ** 53), max: NOW_S - 31 }),
  fc.double({ min: -Number.MAX_VALUE, max: NOW_S - 31, noNaN: true }),
)
/** exp values (as JSON text) that are not a finite number: 1e400 parses to Infinity. */
export const badExp = fc.oneof(
  fc.constantFrom('1e400', '-1e400', '"1750000000"', 'null', 'true', '[1750000000]', '{"exp":1}'),
  futureExp.map((exp) => JSON.stringify(String(exp))),
)
export const signature = fc.uint8Array({ minLength: 1, maxLength: 96 }).map(base64url)

export const headerJson = (alg: fc.Arbitrary<unknown>) =>
  fc.tuple(claims('alg'), alg).map(([extra, alg]) => json([...extra, ['alg', alg]]))
/** Payload JSON text with `exp` spelled as `expJson` (raw, so 1e400 survives), claims around it. */
export const payloadJson = (expJson: fc.Arbitrary<string>) =>
  fc.tuple(claims('exp'), expJson, claims('exp')).map(([before, exp, after]) => {
    const pieces = [json(before), `{"exp":${exp}}`, json(after)].map((text) => text.slice(1, -1))
    return `{${pieces.filter(Boolean).join(',')}}`
  })

/** Payload JSON text without an `exp` at all. */
export const payloadWithoutExp = claims('exp').map(json)

export const jws = (header: string | Uint8Array, payload: string, sig: string) =>
  `${base64url(header)}.${base64url(payload)}.${sig}`

/** A well-formed token (within 8 KB) with this exp, and the exp it must return. */
export const tokenWith = (exp: fc.Arbitrary<number>) =>
  fc
    .tuple(headerJson(goodAlg), exp, claims('exp'), signature)
    .map(([header, exp, extra, sig]) => ({
      token: jws(header, json([...extra, ['exp', exp]]), sig),
      exp,
    }))
    .filter(({ token }) => token.length <= MAX_LENGTH)

export const validToken = tokenWith(futureExp)
export const expiredToken = tokenWith(pastExp)

const WHITESPACE = [' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\ufeff']
const char = fc.oneof(
  fc.constantFrom(...'AZaz09-_.=+/% ', ...WHITESPACE),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)
type Edit = (token: string) => string
const at = (token: string, index: number) => index % (token.length + 1)
const edit = fc.oneof(
  fc.tuple(fc.nat(), char).map(
    ([i, c]): Edit =>
      (t) =>
        `${t.slice(0, at(t, i))}${c}${t.slice(at(t, i) + 1)}`,
  ),
  fc.tuple(fc.nat(), char).map(
    ([i, c]): Edit =>
      (t) =>
        `${t.slice(0, at(t, i))}${c}${t.slice(at(t, i))}`,
  ),
  fc.nat().map(
    (i): Edit =>
      (t) =>
        `${t.slice(0, at(t, i))}${t.slice(at(t, i) + 1)}`,
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...WHITESPACE)).map(
    ([i, w]): Edit =>
      (t) =>
        `${t.slice(0, at(t, i))}${w}${t.slice(at(t, i))}`,
  ),
  fc.tuple(signature, fc.boolean()).map(
    ([s, first]): Edit =>
      (t) =>
        first ? `${s}.${t}` : `${t}.${s}`,
  ),
  fc.nat(2).map(
    (i): Edit =>
      (t) =>
        t
          .split('.')
          .map((s, j) => (j === i ? '' : s))
          .join('.'),
  ),
  fc.nat(16).map(
    (n): Edit =>
      (t) =>
        `${t}${'A'.repeat(Math.max(0, MAX_LENGTH + 1 - t.length) + n)}`,
  ),
)

/** A valid or expired token after one to three edits: a character flipped, inserted or deleted, whitespace, an extra or empty segment, padding past 8 KB. */
export const mutatedToken = fc
  .tuple(fc.oneof(validToken, expiredToken), fc.array(edit, { minLength: 1, maxLength: 3 }))
  .map(([{ token }, edits]) => edits.reduce((value, apply) => apply(value), token))
