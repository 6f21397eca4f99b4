// Property tests of the session-token guard, `assertSessionToken` (SPEC §5). 10,000 runs each
// prove:
// - it throws nothing but a ConnectorError coded INVALID_TOKEN or TOKEN_EXPIRED, for any value,
//   any string, and valid tokens mutated character by character;
// - it accepts exactly the valid shapes: every token the model builds (any non-`none` alg, any
//   claims, unicode included) returns its exp; a bad alg, a missing or non-finite exp, or a
//   header/payload that is not a JSON object is INVALID_TOKEN; expiry has exactly 30 s of
//   leeway; 8 KB is the exact length limit; and on mutations and arbitrary input it agrees with
//   `tokenOracle`, written from the spec in token-model.ts;
// - it never echoes its input: no 8-character slice of a refused secret (API key, `sk_live_…`,
//   Basic/Bearer credential, `profileId:secret`, mutated or expired token) appears in the
//   error's message, String(), stack, JSON or util.inspect.
// Replay a failure with the seed it prints: see arbitraries.ts.
import { inspect } from 'node:util'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { assertSessionToken } from '../../src/check-token'
import { ConnectorError } from '../../src/connector-error'
import { anyValue, base64url, RUNS, TIMEOUT, windows } from './arbitraries'
import { isPlain } from './message-model'
import {
  badAlg,
  badExp,
  expiredToken,
  futureExp,
  goodAlg,
  headerJson,
  jws,
  MAX_LENGTH,
  mutatedToken,
  NOW_MS,
  payloadJson,
  payloadWithoutExp,
  signature,
  tokenOracle,
  tokenWith,
  type Verdict,
  validToken,
} from './token-model'

/** The exp it returns at `nowMs` (default NOW_MS), or the code of the only error it may throw. */
function verdict(value: unknown, nowMs: number | 'real clock' = NOW_MS): Verdict {
  try {
    return nowMs === 'real clock' ? assertSessionToken(value) : assertSessionToken(value, nowMs)
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error
    if (error.code === 'INVALID_TOKEN' || error.code === 'TOKEN_EXPIRED') return error.code
    throw new Error(`unexpected code ${error.code}`, { cause: error })
  }
}

const base64urlChars = fc.constantFrom(
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.',
)
const tokenLike = fc.oneof(
  fc.string({ unit: base64urlChars, maxLength: 64 }),
  fc
    .tuple(fc.json(), fc.json(), signature)
    .map(([header, payload, sig]) => jws(header, payload, sig)),
)

describe('assertSessionToken throws only INVALID_TOKEN or TOKEN_EXPIRED, as the oracle says', {
  timeout: TIMEOUT,
}, () => {
  test.each([
    ['any value', anyValue],
    ['any string', fc.string({ unit: 'binary', maxLength: 200 })],
    ['base64url-ish strings and JWS of arbitrary JSON', tokenLike],
    ['a valid or expired token, mutated', mutatedToken],
  ] as [string, fc.Arbitrary<unknown>][])('on %s', (_, values) => {
    fc.assert(
      fc.property(values, (value) => {
        expect(verdict(value)).toBe(tokenOracle(value))
      }),
      RUNS,
    )
  })
})

describe('assertSessionToken accepts exactly the valid shapes', { timeout: TIMEOUT }, () => {
  test('a valid token with any alg but none and any claims returns its exp', () => {
    fc.assert(
      fc.property(validToken, ({ token, exp }) => {
        expect(verdict(token)).toBe(exp)
      }),
      RUNS,
    )
  })

  test('the valid model is varied: its encoded header and payload use - and _ (unicode claims)', () => {
    const encoded = fc
      .sample(validToken, { numRuns: 1000, seed: 1 })
      .map(({ token }) => token.split('.').slice(0, 2).join('.'))
    expect(encoded.filter((text) => text.includes('-')).length).toBeGreaterThan(100)
    expect(encoded.filter((text) => text.includes('_')).length).toBeGreaterThan(100)
  })

  const notObject = fc
    .jsonValue()
    .filter((value) => !isPlain(value))
    .map((v) => JSON.stringify(v))
  const badHeader = fc.oneof(
    headerJson(badAlg),
    headerJson(fc.constant(undefined)), // JSON.stringify leaves the alg out
    notObject,
    fc.uint8Array({ minLength: 1, maxLength: 48 }),
  )
  const badPayload = fc.oneof(payloadJson(badExp), payloadWithoutExp, notObject)
  const futurePayload = payloadJson(futureExp.map((exp) => JSON.stringify(exp)))
  test.each([
    ['the header has no usable alg or is not a JSON object', badHeader, futurePayload],
    [
      'the payload has no finite numeric exp or is not a JSON object',
      headerJson(goodAlg),
      badPayload,
    ],
  ])('INVALID_TOKEN when %s', (_, headers, payloads) => {
    fc.assert(
      fc.property(headers, payloads, signature, (header, payload, sig) => {
        const token = jws(header, payload, sig)
        fc.pre(token.length <= MAX_LENGTH)
        expect(verdict(token)).toBe('INVALID_TOKEN')
      }),
      RUNS,
    )
  })

  test('TOKEN_EXPIRED when exp is more than 30 s before now', () => {
    fc.assert(
      fc.property(expiredToken, ({ token }) => {
        expect(verdict(token)).toBe('TOKEN_EXPIRED')
      }),
      RUNS,
    )
  })

  test('expiry boundary: accepted up to exp + 30 s exactly, expired 1 ms later', () => {
    const exp = fc.integer({ min: 0, max: 4_000_000_000 })
    const offset = fc.oneof(fc.constantFrom(-1, 0, 1), fc.integer({ min: -60_000, max: 60_000 }))
    fc.assert(
      fc.property(tokenWith(exp), offset, ({ token, exp }, offset) => {
        const nowMs = exp * 1000 + 30_000 + offset
        expect(verdict(token, nowMs)).toBe(offset <= 0 ? exp : 'TOKEN_EXPIRED')
      }),
      RUNS,
    )
  })

  test('without a clock argument, the real clock decides', () => {
    const offset = fc.integer({ min: 60, max: 10_000_000 })
    fc.assert(
      fc.property(tokenWith(fc.constant(0)), offset, fc.boolean(), ({ token }, offset, future) => {
        const exp = Math.floor(Date.now() / 1000) + (future ? offset : -offset)
        const [header, , sig] = token.split('.')
        const fresh = `${header}.${base64url(JSON.stringify({ exp }))}.${sig}`
        expect(verdict(fresh, 'real clock')).toBe(future ? exp : 'TOKEN_EXPIRED')
      }),
      RUNS,
    )
  })

  test('length boundary: 8,192 characters accepted, 8,193 refused', () => {
    const length = fc.integer({ min: MAX_LENGTH - 16, max: MAX_LENGTH + 16 })
    fc.assert(
      fc.property(validToken, length, ({ token, exp }, length) => {
        fc.pre(token.length <= length)
        const padded = `${token}${'A'.repeat(length - token.length)}`
        expect(verdict(padded)).toBe(length <= MAX_LENGTH ? exp : 'INVALID_TOKEN')
      }),
      RUNS,
    )
  })
})

describe('assertSessionToken never echoes what it refuses', { timeout: TIMEOUT }, () => {
  const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64')
  const printable = fc.string({ minLength: 8, maxLength: 64 })
  const secret = fc.oneof(
    printable,
    fc.string({ minLength: 8, maxLength: 64, unit: 'binary' }),
    fc.uint8Array({ minLength: 24, maxLength: 48 }).map((key) => `sk_live_${b64(key)}`),
    fc.tuple(printable, printable).map(([id, key]) => `Basic ${b64(`${id}:${key}`)}`),
    fc.tuple(printable, printable).map(([id, key]) => `${id}:${key}`),
    printable.map((value) => `Bearer ${value}`),
    validToken.map(({ token }) => `Bearer ${token}`),
    expiredToken.map(({ token }) => token),
    mutatedToken,
  )
  // The same call site for every value, so the stacks of a benign and a secret refusal match.
  const refusal = (value: unknown) => {
    try {
      assertSessionToken(value, NOW_MS)
    } catch (error) {
      const { message, stack } = error as Error
      return [message, String(error), stack, JSON.stringify(error), inspect(error)].join('\n')
    }
  }
  const benignExpired = jws('{"ref":0,"alg":"REF"}', '{"ref":0,"exp":1}', 'c2ln')

  test('no 8-character slice of a refused value appears in the error', () => {
    let fixed: string | undefined
    fc.assert(
      fc.property(secret, (value) => {
        // Benign refusals once: the call path, and so the stack, is the same on every run.
        const [text, ...benign] = (fixed ? [value] : [value, '!', benignExpired]).map(refusal)
        fixed ??= benign.join('\n')
        fc.pre(text !== undefined) // a valid token is not refused
        const slices = [...windows(value)]
        // The fixed text (messages, stack frames) may share a slice by chance: skip such values.
        fc.pre(!slices.some((slice) => fixed!.includes(slice)))
        expect(slices.find((slice) => text.includes(slice))).toBeUndefined()
      }),
      RUNS,
    )
  })
})
