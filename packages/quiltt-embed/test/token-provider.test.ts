// Token providers (SPEC §3.1 `token`): called lazily at open(), again when the token they gave
// is near expiry, and every failure surfaces as a ConnectorError on `error` and from open().
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { ConnectorError } from '../src/index'
import {
  cleanup,
  create,
  expectNoLeak,
  frameOf,
  iframes,
  makeContainer,
  makeToken,
  openAndGetFrame,
  rejection,
} from './helpers'

afterEach(cleanup)

const tokenInUrl = (frame: HTMLIFrameElement) => new URL(frame.src).searchParams.get('token')

/** A connector with a provider; collects what it emits on `error`. */
function withProvider(provider: () => string | Promise<string>) {
  const fn = vi.fn(provider)
  const connector = create({ token: fn, container: makeContainer() })
  const errors: ConnectorError[] = []
  connector.on('error', (error) => errors.push(error))
  return { connector, provider: fn, errors }
}

test('the provider is called at open(), not at createConnector()', async () => {
  const token = makeToken()
  const { connector, provider } = withProvider(() => token)
  expect(provider).not.toHaveBeenCalled()
  const frame = await openAndGetFrame(connector)
  expect(provider).toHaveBeenCalledTimes(1)
  expect(tokenInUrl(frame)).toBe(token)
})

test('an async provider works like a sync one', async () => {
  const token = makeToken()
  const { connector } = withProvider(async () => token)
  expect(tokenInUrl(await openAndGetFrame(connector))).toBe(token)
})

describe('provider failures become TOKEN_PROVIDER_FAILED', () => {
  const cause = new Error('session endpoint returned 500')
  test.each([
    [
      'throws',
      () => {
        throw cause
      },
      cause,
    ],
    ['rejects', () => Promise.reject(cause), cause],
  ])(
    'when the provider %s: open() rejects, error is emitted, the cause is kept',
    async (_l, fn, expected) => {
      const { connector, errors } = withProvider(fn as () => Promise<string>)
      const error = await rejection(connector.open())
      expect(error.code).toBe('TOKEN_PROVIDER_FAILED')
      expect(error.cause).toBe(expected)
      expect(errors).toEqual([error])
      expect(errors[0]).toBe(error)
      expect(iframes()).toEqual([])
      expect(connector.state).toBe('idle')
    },
  )

  test.each([
    ['undefined', undefined],
    ['a number', 42],
    ['an object', { token: makeToken() }],
    ['null', null],
  ])('when the provider resolves %s', async (_label, value) => {
    const { connector, errors } = withProvider(() => Promise.resolve(value as unknown as string))
    const error = await rejection(connector.open())
    expect(error.code).toBe('TOKEN_PROVIDER_FAILED')
    expect(errors).toEqual([error])
    expect(iframes()).toEqual([])
  })
})

describe('a provider returning something that is not a session token', () => {
  test.each([
    ['an API key secret', 'sk_live_51HqLyjWDarjtT1zdp7dcXYZ0Kk9wQ'],
    ['a Bearer string', `Bearer ${makeToken()}`],
    ['alg none', makeToken(3600, {}, { alg: 'none' })],
  ])('rejects open() with INVALID_TOKEN for %s and shows it nowhere', async (_label, value) => {
    const { connector, errors } = withProvider(() => value)
    const error = await rejection(connector.open())
    expect(error.code).toBe('INVALID_TOKEN')
    expect(errors).toEqual([error])
    expectNoLeak(error.message, value)
    expectNoLeak(error.stack, value)
    expect(iframes()).toEqual([])
    expect(frameOf(connector.connectorId)).toBeUndefined()
    expectNoLeak(document.documentElement.outerHTML, value)
    const requested = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .join('\n')
    expect(requested).not.toContain(encodeURIComponent(value))
    expect(requested).not.toContain(value)
  })

  test('rejects open() with TOKEN_EXPIRED for an expired token', async () => {
    const { connector, errors } = withProvider(() => makeToken(-120))
    const error = await rejection(connector.open())
    expect(error.code).toBe('TOKEN_EXPIRED')
    expect(errors).toEqual([error])
    expect(iframes()).toEqual([])
  })
})

test('concurrent open() calls share one promise and one provider call', async () => {
  let resolve!: (token: string) => void
  const { connector, provider } = withProvider(
    () =>
      new Promise<string>((r) => {
        resolve = r
      }),
  )
  const first = connector.open()
  const second = connector.open()
  expect(second).toBe(first)
  await vi.waitFor(() => expect(provider).toHaveBeenCalledTimes(1))
  resolve(makeToken())
  await Promise.all([first, second])
  expect(provider).toHaveBeenCalledTimes(1)
  expect(iframes()).toHaveLength(1)
})

test('a token within 60 s of its exp is stale: the provider is asked again before mounting', async () => {
  const stale = makeToken(30)
  const fresh = makeToken(3600)
  const tokens = [stale, fresh]
  const { connector, provider } = withProvider(() => tokens.shift() ?? fresh)
  const frame = await openAndGetFrame(connector)
  expect(provider).toHaveBeenCalledTimes(2)
  expect(tokenInUrl(frame)).toBe(fresh)
})

test('after a provider failure, the next open() calls the provider again and can succeed', async () => {
  const token = makeToken()
  let calls = 0
  const { connector } = withProvider(() => {
    calls++
    if (calls === 1) throw new Error('network down')
    return token
  })
  expect((await rejection(connector.open())).code).toBe('TOKEN_PROVIDER_FAILED')
  expect(connector.state).toBe('idle')
  const frame = await openAndGetFrame(connector)
  expect(tokenInUrl(frame)).toBe(token)
  expect(connector.state).toBe('open')
})

describe('authenticate()', () => {
  test('a new static token takes effect at the next open()', async () => {
    const first = makeToken()
    const second = makeToken()
    const connector = create({ token: first, container: makeContainer() })
    expect(tokenInUrl(await openAndGetFrame(connector))).toBe(first)
    connector.close()
    connector.authenticate(second)
    expect(tokenInUrl(await openAndGetFrame(connector))).toBe(second)
  })

  test('does not reload an already open Connector', async () => {
    const first = makeToken()
    const connector = create({ token: first, container: makeContainer() })
    const frame = await openAndGetFrame(connector)
    connector.authenticate(makeToken())
    expect(frameOf(connector.connectorId)).toBe(frame)
    expect(tokenInUrl(frame)).toBe(first)
  })

  test('a provider replaces a static token, lazily', async () => {
    const token = makeToken()
    const provider = vi.fn(() => token)
    const connector = create({ container: makeContainer() })
    connector.authenticate(provider)
    expect(provider).not.toHaveBeenCalled()
    expect(tokenInUrl(await openAndGetFrame(connector))).toBe(token)
    expect(provider).toHaveBeenCalledTimes(1)
  })

  test('a static token replaces a provider, which is then not called', async () => {
    const provider = vi.fn(() => makeToken())
    const token = makeToken()
    const connector = create({ token: provider, container: makeContainer() })
    connector.authenticate(token)
    expect(tokenInUrl(await openAndGetFrame(connector))).toBe(token)
    expect(provider).not.toHaveBeenCalled()
  })
})
