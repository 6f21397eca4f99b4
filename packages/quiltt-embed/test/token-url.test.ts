// `token: { url }` (SPEC §3.1): a path on the page's own origin, POSTed with the page's cookies and
// no redirects, asked again at every cold open() or preload() (only the server knows who is signed
// in now). Failures say the status and the server's error code, nothing else from the body.
import { afterEach, describe, expect, test } from 'vitest'
import type { ConnectorOptions } from '../src/index'
import { createConnector } from '../src/index'
import {
  catchError,
  cleanup,
  connectorUrl,
  create,
  frameOf,
  makeContainer,
  makeToken,
  onCleanup,
  originOf,
  rejection,
  uniqueId,
} from './helpers'
import { answerTokenRequests } from './token-requests'

afterEach(cleanup)

const URL_PATH = '/api/quiltt/session'
const tokenIn = (connectorId: string) =>
  new URL(frameOf(connectorId)!.src).searchParams.get('token')

/** Answers each token request with a new session token; returns the requests and the tokens. */
function tokenEndpoint() {
  const tokens: string[] = []
  const requests = answerTokenRequests(() => {
    tokens.push(makeToken())
    return Response.json({ token: tokens.at(-1), expiresAt: 0 })
  }, onCleanup)
  return { requests, tokens }
}

// The body `{}` as application/json: with no body and no type the request looks like a form post
// to frameworks' own CSRF checks (Astro answers 403 before the endpoint runs), and a JSON type
// cannot be sent cross-site without a preflight. The endpoint reads no body.
test('open() POSTs {} as JSON to the same-origin URL (cookies same-origin, redirects refused) and opens with its token', async () => {
  const { requests, tokens } = tokenEndpoint()
  const connector = create({ token: { url: URL_PATH } })
  expect(requests).toEqual([])
  await connector.open()
  expect(requests).toEqual([
    {
      url: `${location.origin}${URL_PATH}`,
      method: 'POST',
      credentials: 'same-origin',
      redirect: 'error',
      sent: { body: '{}', contentType: 'application/json', integrity: '', mode: 'cors' },
    },
  ])
  expect(tokenIn(connector.connectorId)).toBe(tokens[0])
})

test('asked again at every cold open: a token is never reused across opens', async () => {
  const { requests, tokens } = tokenEndpoint()
  const connector = create({ token: { url: URL_PATH }, container: makeContainer() })
  await connector.open()
  connector.close()
  await connector.open()
  expect(requests).toHaveLength(2)
  expect(tokens[1]).not.toBe(tokens[0])
  expect(tokenIn(connector.connectorId)).toBe(tokens[1])
})

test('preload() asks once; the open() it prepared asks nothing more; the next cold open asks again', async () => {
  const { requests, tokens } = tokenEndpoint()
  const connector = create({ token: { url: URL_PATH } })
  await connector.preload()
  expect(requests).toHaveLength(1)
  await connector.open()
  expect(requests).toHaveLength(1)
  expect(tokenIn(connector.connectorId)).toBe(tokens[0])
  connector.close()
  await connector.open()
  expect(requests).toHaveLength(2)
  expect(tokenIn(connector.connectorId)).toBe(tokens[1])
})

test('authenticate({ url }) replaces a static token: the next open asks the URL', async () => {
  const { requests, tokens } = tokenEndpoint()
  const connector = create({ token: makeToken() })
  connector.authenticate({ url: URL_PATH })
  await connector.open()
  expect(requests).toHaveLength(1)
  expect(tokenIn(connector.connectorId)).toBe(tokens[0])
})

test('a polluted Object.prototype changes no body, type, integrity or mode of the request', async () => {
  const { requests } = tokenEndpoint()
  const proto = Object.prototype as Record<string, unknown>
  const polluted = {
    body: '{"userId":"p_attacker"}',
    'content-type': 'text/plain',
    integrity: 'sha256-x',
    mode: 'no-cors',
  }
  const connector = create({ token: { url: URL_PATH } })
  Object.assign(proto, polluted)
  try {
    await connector.open()
  } finally {
    for (const key of Object.keys(polluted)) delete proto[key]
  }
  expect(requests.map((request) => request.sent)).toEqual([
    { body: '{}', contentType: 'application/json', integrity: '', mode: 'cors' },
  ])
})

describe('refused at createConnector() and authenticate(), before any request', () => {
  const refused: [string, unknown][] = [
    ['another origin', { url: `${originOf('evil')}/session` }],
    ['a protocol-relative URL', { url: `//evil.localhost/session` }],
    ['javascript:', { url: 'javascript:alert(1)' }],
    ['data:', { url: 'data:application/json,{"token":"x"}' }],
    ['blob: on this origin', { url: `blob:${location.origin}/0d3f` }],
    ['a non-string url', { url: 42 }],
    ['an inherited url', Object.create({ url: URL_PATH })],
  ]
  test.each(refused)('%s → INVALID_OPTIONS', (_, token) => {
    const requests = answerTokenRequests(() => Response.json({ token: makeToken() }), onCleanup)
    const options = { connectorId: uniqueId(), connectorUrl, token } as unknown as ConnectorOptions
    const error = catchError(() => createConnector(options))
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toContain('url')
    const connector = create()
    expect(catchError(() => connector.authenticate(token as never)).code).toBe('INVALID_OPTIONS')
    expect(requests).toEqual([])
  })
})

describe('a failed token request is TOKEN_PROVIDER_FAILED, from open() and on `error`', () => {
  async function failure(answer: () => Response) {
    answerTokenRequests(answer, onCleanup)
    const connector = create({ token: { url: URL_PATH } })
    const emitted: unknown[] = []
    connector.on('error', (error) => emitted.push(error))
    const error = await rejection(connector.open())
    expect(error.code).toBe('TOKEN_PROVIDER_FAILED')
    expect(emitted).toEqual([error])
    expect(error.message).toContain(URL_PATH)
    return error.message
  }

  test("a non-2xx answer names the status and the server's code", async () => {
    const message = await failure(() =>
      Response.json(
        { code: 'STORE_FAILED', message: 'Redis at redis://:hunter2@10.0.0.5 refused' },
        { status: 503 },
      ),
    )
    expect(message).toContain('the token URL answered 503 (STORE_FAILED)')
    expect(message).not.toContain('hunter2')
    expect(message).not.toContain('Redis')
  })

  test.each([
    ['lower case', 'store_failed'],
    ['a space', 'STORE FAILED'],
    ['markup', 'X<img src=x>'],
    ['65 characters', `A${'B'.repeat(64)}`],
    ['a leading digit', '5XX'],
    ['a number', 42],
  ])('a code with %s is not echoed: only the status is', async (_, code) => {
    const message = await failure(() => Response.json({ code }, { status: 503 }))
    expect(message).toContain('the token URL answered 503.')
    expect(message).not.toContain(String(code))
  })

  test('a non-JSON error page gives the status alone', async () => {
    const message = await failure(
      () => new Response('<h1>Bad gateway: upstream 10.0.0.5</h1>', { status: 502 }),
    )
    expect(message).toContain('the token URL answered 502.')
    expect(message).not.toContain('10.0.0.5')
  })

  test.each([
    ['no token', () => Response.json({ session: 'x' })],
    ['a non-string token', () => Response.json({ token: 42 })],
    ['a non-JSON body', () => new Response('<html>Sign in</html>')],
  ])('a 2xx answer with %s says so', async (_, answer) => {
    expect(await failure(answer)).toContain('the token URL answered 200 without a token')
  })

  test('an unreachable URL (or a refused redirect) says so', async () => {
    const message = await failure(() => {
      throw new TypeError('Failed to fetch')
    })
    expect(message).toContain('the token URL could not be reached')
  })
})
