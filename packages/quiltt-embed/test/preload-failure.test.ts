// A failed preload() (SPEC §3.6) rejects with the code open() would have, but it is nobody's
// visible failure: no `error` event, `state` as it was, nothing left in the page, and the next
// open() simply opens cold (a new token, a new page load).
import { afterEach, expect, test, vi } from 'vitest'
import type { ConnectorOptions } from '../src/index'
import {
  cleanup,
  create,
  iframes,
  makeToken,
  onCleanup,
  postFromFrame,
  quiltt,
  record,
  rejection,
  uniqueId,
  waitForLiveFrame,
} from './helpers'
import { pageLoads } from './preload-helpers'

afterEach(cleanup)

const failures: [string, () => Partial<ConnectorOptions>, string][] = [
  [
    'the token provider rejects',
    () => ({ token: () => Promise.reject(new Error('offline')) }),
    'TOKEN_PROVIDER_FAILED',
  ],
  [
    'the token provider gives a non-string',
    () => ({ token: () => 42 as never }),
    'TOKEN_PROVIDER_FAILED',
  ],
  ['the token has expired', () => ({ token: makeToken(-60) }), 'TOKEN_EXPIRED'],
  [
    'the Connector never loads',
    () => ({ connectorId: uniqueId('noload'), timeout: 300 }),
    'LOAD_TIMEOUT',
  ],
]

test.each(failures)(
  '%s: preload() rejects with the code open() gets (%#)',
  async (_, options, code) => {
    const opened = create(options())
    expect((await rejection(opened.open())).code).toBe(code)

    const preloaded = create(options())
    const log = record(preloaded)
    expect((await rejection(preloaded.preload())).code).toBe(code)
    expect(log).toEqual([])
    expect(preloaded.state).toBe('idle')
    expect(iframes()).toEqual([])
  },
)

test('a failed preload() leaves a closed connector closed', async () => {
  let fail = false
  const connector = create({
    token: () => (fail ? Promise.reject(new Error('offline')) : makeToken()),
  })
  await connector.open()
  connector.close()
  fail = true
  // The cached token is still fresh: authenticate() makes the next request go to the provider.
  connector.authenticate(() => Promise.reject(new Error('offline')))
  const log = record(connector)
  expect((await rejection(connector.preload())).code).toBe('TOKEN_PROVIDER_FAILED')
  expect(connector.state).toBe('closed')
  expect(log).toEqual([])
})

test('after a token failure, the next open() asks for a token again and opens cold', async () => {
  let calls = 0
  const connector = create({
    token: () => (++calls === 1 ? Promise.reject(new Error('offline')) : makeToken()),
  })
  await rejection(connector.preload())
  expect(calls).toBe(1)
  const log = record(connector)
  const opening = connector.open()
  expect(connector.state).toBe('opening')
  await opening
  expect(calls).toBe(2)
  expect(await pageLoads(connector.connectorId)).toBe(1)
  expect(log.map(([name]) => name)).toEqual(['open', 'event', 'load', 'event'])
})

test('after LOAD_TIMEOUT, the next open() loads a new Connector page in a new iframe', async () => {
  // The preload's deadline passes on a fake clock, so the cold open() after it has all the time
  // it needs on the real one.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  onCleanup(() => vi.useRealTimers())
  const connector = create({ connectorId: uniqueId('noload') })
  const preloading = connector.preload()
  // Live, not only present: the page must have been requested before the deadline removes the
  // frame, or the count below races the browser's navigation.
  const hidden = await waitForLiveFrame(connector.connectorId)
  vi.advanceTimersByTime(15_000)
  expect((await rejection(preloading)).code).toBe('LOAD_TIMEOUT')
  vi.useRealTimers()
  expect(await pageLoads(connector.connectorId)).toBe(1)
  expect(iframes()).toEqual([])

  const log = record(connector)
  const opening = connector.open()
  const frame = await waitForLiveFrame(connector.connectorId)
  expect(frame).not.toBe(hidden)
  expect(await pageLoads(connector.connectorId)).toBe(2)
  // Shown at once, as a cold open is: it waits for its own Load.
  expect(getComputedStyle(frame.closest('[role="dialog"]') as Element).visibility).toBe('visible')
  expect(connector.state).toBe('opening')
  postFromFrame(frame, quiltt('Load'))
  await opening
  expect(connector.state).toBe('open')
  expect(log.map(([name]) => name)).toEqual(['open', 'event', 'load', 'event'])
})
