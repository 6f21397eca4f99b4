// No failure is silent (SPEC §3.4): an `error` nobody listens to is written to console.error once,
// as one line `[quiltt-embed] CODE: message`, never the Error object, its cause or a token. Only
// the integrator's listeners count: on('error'), onError, and in declarative mode a quiltt:error
// listener that calls preventDefault().
import { afterEach, describe, expect, test, vi } from 'vitest'
import { autoBind, type ConnectorError } from '../src/index'
import {
  adopt,
  cleanup,
  connectorUrl,
  create,
  expectNoLeak,
  makeContainer,
  makeToken,
  onCleanup,
  rejection,
  uniqueId,
} from './helpers'

afterEach(cleanup)

/** Every console.error call in the page, its arguments as given (silenced meanwhile). */
function consoleErrors(): unknown[][] {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
  onCleanup(() => spy.mockRestore())
  return spy.mock.calls
}

/** A token that a provider's own error message (the cause) carries, so a leak would show. */
const secretToken = makeToken()
const failingProvider = () => Promise.reject(new Error(`upstream said ${secretToken}`))
const lineOf = (error: ConnectorError) => `[quiltt-embed] ${error.code}: ${error.message}`

test('an error no one listens to is written once, as one line with its code: no object, cause or token', async () => {
  const logged = consoleErrors()
  const connector = create({ token: failingProvider })
  const error = await rejection(connector.open())
  expect(error.code).toBe('TOKEN_PROVIDER_FAILED')
  // One failure, one line: the rejection of open() and the `error` event are the same failure.
  expect(logged).toEqual([[lineOf(error)]])
  expectNoLeak(logged[0]![0] as string, secretToken)
})

test('a refused credential is reported without the value', async () => {
  const logged = consoleErrors()
  const secret = 'sk_live_0123456789abcdefghijklmnop'
  const connector = create({ token: () => secret })
  const error = await rejection(connector.open())
  expect(error.code).toBe('INVALID_TOKEN')
  expect(logged).toEqual([[lineOf(error)]])
  expectNoLeak(logged[0]![0] as string, secret)
})

test.each(['on', 'onError'] as const)(
  'a listener given with %s hears it and nothing is logged',
  async (way) => {
    const logged = consoleErrors()
    const heard: unknown[] = []
    const listener = (error: ConnectorError) => {
      heard.push(error)
    }
    const connector = create({
      token: failingProvider,
      onError: way === 'onError' ? listener : undefined,
    })
    if (way === 'on') connector.on('error', listener)
    const error = await rejection(connector.open())
    expect(heard).toEqual([error])
    expect(logged).toEqual([])
  },
)

test('a listener that unsubscribed no longer counts', async () => {
  const logged = consoleErrors()
  const connector = create({ token: failingProvider })
  const off = connector.on('error', () => {})
  off()
  const error = await rejection(connector.open())
  expect(logged).toEqual([[lineOf(error)]])
})

test('a failed preload() emits no error, so it logs nothing: its caller holds the rejection', async () => {
  const logged = consoleErrors()
  const connector = create({ token: failingProvider })
  expect((await rejection(connector.preload())).code).toBe('TOKEN_PROVIDER_FAILED')
  expect(logged).toEqual([])
  // The cold open() that follows fails again, and that failure is reported.
  const error = await rejection(connector.open())
  expect(logged).toEqual([[lineOf(error)]])
})

describe('declarative (autoBind): quiltt:error is cancelable', () => {
  /** An inline container bound with a failing token provider: it opens, and fails, at once. */
  function bindFailing(listener?: (event: Event) => void) {
    const root = adopt(document.createElement('section'))
    const container = document.createElement('div')
    container.setAttribute('data-quiltt-container', uniqueId())
    root.append(container)
    if (listener) {
      root.addEventListener('quiltt:error', listener)
      onCleanup(() => root.removeEventListener('quiltt:error', listener))
    }
    onCleanup(autoBind(root, { token: failingProvider, connectorUrl }))
  }
  const failureOf = (event: Event) => (event as CustomEvent).detail.error as ConnectorError

  test('with no listener, the failure is logged once', async () => {
    const logged = consoleErrors()
    const seen: Event[] = []
    // A listener on the document sees the event but does not handle it: still one line.
    const watch = (event: Event) => seen.push(event)
    document.addEventListener('quiltt:error', watch)
    onCleanup(() => document.removeEventListener('quiltt:error', watch))
    bindFailing()
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    expect(seen[0]!.cancelable).toBe(true)
    expect(logged).toEqual([[lineOf(failureOf(seen[0]!))]])
  })

  test('a listener that calls preventDefault() silences it', async () => {
    const logged = consoleErrors()
    const handled: Event[] = []
    bindFailing((event) => {
      event.preventDefault()
      handled.push(event)
    })
    await vi.waitFor(() => expect(handled).toHaveLength(1))
    expect(failureOf(handled[0]!).code).toBe('TOKEN_PROVIDER_FAILED')
    expect(logged).toEqual([])
  })

  test('a bind-time refusal no one handles is logged too', () => {
    const logged = consoleErrors()
    const root = adopt(document.createElement('section'))
    const button = document.createElement('button')
    button.setAttribute('data-quiltt-button', uniqueId())
    root.append(button)
    onCleanup(autoBind(root, { connectorUrl }))
    expect(logged).toHaveLength(1)
    expect(logged[0]).toEqual([expect.stringMatching(/^\[quiltt-embed\] INVALID_OPTIONS: .*token/)])
  })
})

test('inline and modal alike: an unheard LOAD_TIMEOUT is one line', async () => {
  const logged = consoleErrors()
  // A connector origin nothing answers on: the Connector never loads.
  const connector = create({
    container: makeContainer(),
    connectorUrl: 'http://{connectorId}.localhost:1',
    timeout: 300,
  })
  const error = await rejection(connector.open())
  expect(error.code).toBe('LOAD_TIMEOUT')
  expect(logged).toEqual([[lineOf(error)]])
})
