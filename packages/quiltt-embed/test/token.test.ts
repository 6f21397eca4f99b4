// What counts as a session token (SPEC §5). Everything that is not a compact JWS with a usable
// header and a numeric `exp` is refused with INVALID_TOKEN, expired tokens with TOKEN_EXPIRED,
// and a refused value never shows up in an error, the DOM, a URL or a request.
import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { assertSessionToken } from '../src/check-token'
import { ConnectorError, createConnector } from '../src/index'
import {
  base64url,
  catchError,
  cleanup,
  connectorUrl,
  create,
  encodeJson,
  expectNoLeak,
  iframes,
  makeToken,
  openAndGetFrame,
  rejection,
  uniqueId,
} from './helpers'

afterEach(cleanup)

const now = () => Math.floor(Date.now() / 1000)
const valid = makeToken()
const [H, P, S] = valid.split('.') as [string, string, string]
const header = (value: unknown) => `${encodeJson(value)}.${P}.${S}`
const payload = (value: unknown) => `${H}.${encodeJson(value)}.${S}`

const refused: [label: string, value: string][] = [
  ['a 40-character API key secret', 'Q2x7bWk9TzR1Vn8sLq3PcY6eJd0HfA5gRtN1uKiZ'],
  ['an sk_live_ secret', 'sk_live_51HqLyjWDarjtT1zdp7dcXYZ0Kk9wQ'],
  ['a Basic credential', `Basic ${btoa('client-id-9f2c:very-secret-value-4d1e')}`],
  ['a Bearer header around a valid session token', `Bearer ${makeToken()}`],
  ['a profileId:secret pair', 'p_2Q4bWkzd8F3x:Zx9Lm2Qw7Er5Ty1Ui3Op'],
  ['an opaque session reference', 'session-ref-7f3a9c1e5b2d4f60a8e9'],
  ['two segments', `${H}.${P}`],
  ['four segments', `${H}.${P}.${S}.${S}`],
  ['an empty header segment', `.${P}.${S}`],
  ['an empty payload segment', `${H}..${S}`],
  ['an empty signature segment', `${H}.${P}.`],
  ['a space inside', `${H}.${P.slice(0, 12)} ${P.slice(12)}.${S}`],
  ['a newline inside', `${H}.${P}\n.${S}`],
  ['a tab inside', `${H}\t.${P}.${S}`],
  ['a trailing newline', `${valid}\n`],
  ['a leading space', ` ${valid}`],
  ['base64 "+" and "/" instead of base64url', `${H}.${P}.${S.slice(0, 8)}+/${S.slice(8)}`],
  ['base64 padding', `${H}.${P}.${S}==`],
  ['more than 8 KB', makeToken(3600, { pad: 'x'.repeat(9000) })],
  ['a header that is not JSON', `${base64url('not json at all, sorry')}.${P}.${S}`],
  ['a header that is not base64url', `!!not-b64!!.${P}.${S}`],
  ['a header that is JSON null', header(null)],
  ['a header that is a JSON string', header('HS512')],
  ['alg none', header({ alg: 'none', typ: 'JWT' })],
  ['alg NONE', header({ alg: 'NONE', typ: 'JWT' })],
  ['alg None', header({ alg: 'None', typ: 'JWT' })],
  ['alg nOnE', header({ alg: 'nOnE', typ: 'JWT' })],
  ['no alg', header({ typ: 'JWT' })],
  ['a numeric alg', header({ alg: 512, typ: 'JWT' })],
  ['a payload that is not JSON', `${H}.${base64url('{exp: 9999999999')}.${S}`],
  ['a payload that is a JSON array', payload([now() + 3600])],
  ['a payload without exp', payload({ sub: 'p_123', iat: now() })],
  ['a string exp', payload({ exp: String(now() + 3600) })],
  ['a null exp', payload({ exp: null })],
  ['an exp object', payload({ exp: { value: now() + 3600 } })],
]

describe('refused credentials', () => {
  test.each(refused)('createConnector refuses %s with INVALID_TOKEN', (_label, value) => {
    const error = catchError(() =>
      createConnector({ connectorId: uniqueId(), token: value, connectorUrl }),
    )
    expect(error.code).toBe('INVALID_TOKEN')
    expect(error.message).toMatch(/secret/i)
    expect(error.message).toMatch(/server/i)
    expectNoLeak(error.message, value)
    expectNoLeak(error.stack, value)
    expectNoLeak(String(error), value)
    expect(iframes()).toEqual([])
    expectNoLeak(document.documentElement.outerHTML, value)
  })

  test.each(refused)('authenticate() refuses %s with INVALID_TOKEN', async (_label, value) => {
    const good = makeToken()
    const connector = create({ token: good, container: document.body })
    const error = catchError(() => connector.authenticate(value))
    expect(error.code).toBe('INVALID_TOKEN')
    expectNoLeak(error.message, value)
    // The refused value did not replace the token: the next open() still uses the good one.
    const frame = await openAndGetFrame(connector)
    expect(new URL(frame.src).searchParams.get('token')).toBe(good)
  })
})

describe('accepted session tokens', () => {
  test('a Quiltt-shaped HS512 token', () => {
    expect(create({ token: makeToken() }).state).toBe('idle')
  })

  test('a payload whose base64url uses "-" and "_"', () => {
    // "~" and "?" sit where base64 emits "+" and "/", which base64url spells "-" and "_";
    // shift the filler until both occur whatever the alignment of the claim in the JSON.
    const exp = now() + 3600
    const token = [0, 1, 2, 3, 4, 5]
      .map((shift) => makeToken(0, { exp, note: `${'a'.repeat(shift)}~~~???>>>ÿþ~?` }))
      .find(
        (candidate) =>
          /-/.test(candidate.split('.')[1] ?? '') && /_/.test(candidate.split('.')[1] ?? ''),
      )
    if (!token) return expect.fail('could not craft a payload with "-" and "_"')
    expect(create({ token }).state).toBe('idle')
    expect(assertSessionToken(token)).toBe(exp)
  })

  test('a header and payload with non-ASCII (UTF-8) content', () => {
    const token = makeToken(3600, { name: 'Zoë Ünïcødé 東京' }, { alg: 'HS512', kid: 'clé-1' })
    expect(create({ token }).state).toBe('idle')
  })

  test('any alg other than none, e.g. RS256 or HS256', () => {
    create({ token: makeToken(3600, {}, { alg: 'RS256' }) })
    create({ token: makeToken(3600, {}, { alg: 'HS256', typ: 'JWT' }) })
  })

  test('a token that expired 10 s ago (30 s leeway)', () => {
    expect(create({ token: makeToken(-10) }).state).toBe('idle')
  })

  test('a token of almost 8 KB', () => {
    const token = makeToken(3600, { pad: 'x'.repeat(5800) })
    expect(token.length).toBeGreaterThan(7800)
    expect(token.length).toBeLessThanOrEqual(8192)
    expect(create({ token }).state).toBe('idle')
  })
})

describe('expiry', () => {
  /**
   * An expired static token is refused with TOKEN_EXPIRED: synchronously by createConnector, or
   * (it can only be judged against the clock at that moment) by open() — either is fine; nothing
   * is mounted and the token appears nowhere.
   */
  async function expectExpiredRefused(attempt: () => ReturnType<typeof createConnector>) {
    let error: ConnectorError | undefined
    const emitted: ConnectorError[] = []
    try {
      const connector = attempt()
      connector.on('error', (e) => emitted.push(e))
      error = await rejection(connector.open())
      expect(emitted).toEqual([error])
    } catch (thrown) {
      if (!(thrown instanceof ConnectorError)) throw thrown
      error = thrown
    }
    expect(error.code).toBe('TOKEN_EXPIRED')
    expect(iframes()).toEqual([])
    return error
  }

  test('a static token that expired 60 s ago is refused with TOKEN_EXPIRED', async () => {
    const token = makeToken(-60)
    const error = await expectExpiredRefused(() => create({ token, container: document.body }))
    expectNoLeak(error.message, token)
    expectNoLeak(error.stack, token)
  })

  test('authenticate() with an expired token: TOKEN_EXPIRED, now or at the next open()', async () => {
    const token = makeToken(-3600)
    const error = await expectExpiredRefused(() => {
      const connector = create({ container: document.body })
      connector.authenticate(token)
      return connector
    })
    expectNoLeak(error.message, token)
  })

  test('a static token that expired 10 s ago still opens (30 s leeway)', async () => {
    const token = makeToken(-10)
    const frame = await openAndGetFrame(create({ token, container: document.body }))
    expect(new URL(frame.src).searchParams.get('token')).toBe(token)
  })
})

describe('assertSessionToken', () => {
  const exp = 1_900_000_000
  const token = makeToken(0, { exp })

  test('returns the exp claim in seconds', () => {
    expect(assertSessionToken(token, exp * 1000 - 5000)).toBe(exp)
  })

  test('allows 30 s of leeway after exp, not more', () => {
    expect(assertSessionToken(token, (exp + 29) * 1000)).toBe(exp)
    const error = catchError(() => assertSessionToken(token, (exp + 31) * 1000))
    expect(error.code).toBe('TOKEN_EXPIRED')
  })

  test('accepts at most 8 KB (8192 characters)', () => {
    // Signature lengths of 2 and 3 (mod 4) are both decodable base64url, so only size differs.
    let prefix = ''
    for (let pad = 0; prefix === '' || (8192 - prefix.length - 1) % 4 !== 2; pad++) {
      prefix = makeToken(3600, { pad: 'x'.repeat(pad) })
        .split('.')
        .slice(0, 2)
        .join('.')
    }
    const sized = (length: number) => `${prefix}.${'A'.repeat(length - prefix.length - 1)}`
    const exact = sized(8192)
    const over = sized(8193)
    expect(exact.length).toBe(8192)
    expect(assertSessionToken(exact)).toBeGreaterThan(now())
    const error = catchError(() => assertSessionToken(over))
    expect(error.code).toBe('INVALID_TOKEN')
  })

  test('refuses non-strings with INVALID_TOKEN', () => {
    for (const value of [undefined, null, 42, {}, [valid], () => valid]) {
      expect(catchError(() => assertSessionToken(value)).code).toBe('INVALID_TOKEN')
    }
  })

  test('property: arbitrary strings are refused without leaking any 8-character piece', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (value) => {
        const error = catchError(() => assertSessionToken(value))
        expect(error.code).toBe('INVALID_TOKEN')
        expectNoLeak(error.message, value)
      }),
      { numRuns: 300 },
    )
    // Generous: the leak check scans every 8-character window, and CI machines are small.
  }, 60_000)

  test('property: three random base64url segments never throw anything but a ConnectorError', () => {
    const segment = fc
      .uint8Array({ minLength: 1, maxLength: 60 })
      .map((bytes) => base64url(String.fromCharCode(...bytes)))
    const json = fc.oneof(
      fc.jsonValue().map((value) => encodeJson(value)),
      fc.record({ alg: fc.string(), exp: fc.oneof(fc.double(), fc.string()) }).map(encodeJson),
    )
    fc.assert(
      fc.property(fc.oneof(segment, json), fc.oneof(segment, json), segment, (h, p, s) => {
        const value = `${h}.${p}.${s}`
        try {
          assertSessionToken(value)
        } catch (error) {
          expect(error).toBeInstanceOf(ConnectorError)
          expect(['INVALID_TOKEN', 'TOKEN_EXPIRED']).toContain((error as ConnectorError).code)
          expectNoLeak((error as ConnectorError).message, value)
        }
      }),
      { numRuns: 300 },
    )
  }, 60_000)
})

test('a session token is never stored (no localStorage, sessionStorage or cookie)', async () => {
  const token = makeToken()
  const storage = () => [
    document.cookie,
    ...Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`),
    ...Object.keys(sessionStorage).map((key) => `${key}=${sessionStorage.getItem(key)}`),
  ]
  const before = storage()
  const connector = create({ token, container: document.body })
  await connector.open()
  connector.close()
  expect(storage()).toEqual(before)
  expectNoLeak(storage().join('\n'), token.split('.')[1] ?? '')
})
