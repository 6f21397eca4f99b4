// When a prepared Connector is thrown away (SPEC §3.6): after 10 minutes unused, a minute before
// its token expires (its session would die mid-flow), and on close(), destroy() and
// authenticate(). After a discard the next open() is cold: a new iframe and a new page load.
// Time runs on a fake clock (setTimeout and Date only: messages and frame loads stay real),
// installed before preload() because the discard timer is set when the Load arrives.
import { afterEach, expect, test, vi } from 'vitest'
import type { Connector } from '../src/index'
import {
  cleanup,
  create,
  iframes,
  makeContainer,
  makeToken,
  onCleanup,
  record,
  rejection,
  uniqueId,
  waitForFrame,
} from './helpers'
import { outcome, pageLoads, theFrame } from './preload-helpers'

afterEach(cleanup)

function fakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  onCleanup(() => vi.useRealTimers())
}

/** Preloads `connector` and returns its hidden frame. */
async function prepared(connector: Connector): Promise<HTMLIFrameElement> {
  await connector.preload()
  return theFrame(connector.connectorId)
}

/** open() after a discard: a new iframe, a second page load, and the events of a cold open. */
async function expectColdOpen(connector: Connector, old: HTMLIFrameElement): Promise<void> {
  const log = record(connector)
  await connector.open()
  const frame = theFrame(connector.connectorId)
  expect(frame).not.toBe(old)
  expect(old.isConnected).toBe(false)
  expect(await pageLoads(connector.connectorId)).toBe(2)
  expect(log.map(([name]) => name)).toEqual(['open', 'event', 'load', 'event'])
}

test('discarded after 10 minutes unused', async () => {
  fakeClock()
  const connector = create()
  const old = await prepared(connector)
  vi.advanceTimersByTime(10 * 60_000 - 1)
  expect(old.isConnected).toBe(true)
  vi.advanceTimersByTime(1)
  expect(old.isConnected).toBe(false)
  expect(iframes()).toEqual([])
  expect(connector.state).toBe('idle')
  await expectColdOpen(connector, old)
})

test('discarded a minute before its token expires, and the next open() gets a new token', async () => {
  fakeClock()
  const tokens: string[] = []
  const connector = create({
    container: makeContainer(),
    // The first token expires in 3 minutes: the prepared Connector goes after about 2.
    token: () => {
      tokens.push(makeToken(tokens.length ? 3600 : 180))
      return tokens.at(-1) as string
    },
  })
  const old = await prepared(connector)
  vi.advanceTimersByTime(2 * 60_000 - 2000)
  expect(old.isConnected).toBe(true)
  vi.advanceTimersByTime(2000)
  expect(old.isConnected).toBe(false)
  await expectColdOpen(connector, old)
  expect(tokens).toHaveLength(2)
  expect(new URL(theFrame(connector.connectorId).src).searchParams.get('token')).toBe(tokens[1])
})

test('an opened Connector is no longer subject to the discard timer', async () => {
  fakeClock()
  const connector = create({ container: makeContainer() })
  const frame = await prepared(connector)
  await connector.open()
  vi.advanceTimersByTime(60 * 60_000)
  expect(frame.isConnected).toBe(true)
  expect(connector.state).toBe('open')
})

test('close() discards it; state stays as it was', async () => {
  const connector = create()
  const old = await prepared(connector)
  connector.close()
  expect(old.isConnected).toBe(false)
  expect(document.querySelectorAll('[role="dialog"]')).toHaveLength(0)
  expect(connector.state).toBe('idle')
  await expectColdOpen(connector, old)
})

test('authenticate() discards it: the next open() uses the new token', async () => {
  const connector = create({ container: makeContainer() })
  const old = await prepared(connector)
  const token = makeToken()
  connector.authenticate(token)
  expect(old.isConnected).toBe(false)
  await expectColdOpen(connector, old)
  expect(new URL(theFrame(connector.connectorId).src).searchParams.get('token')).toBe(token)
})

test('authenticate() leaves a shown Connector alone', async () => {
  const connector = create({ container: makeContainer() })
  const frame = await prepared(connector)
  await connector.open()
  connector.authenticate(makeToken())
  expect(frame.isConnected).toBe(true)
  expect(connector.state).toBe('open')
})

test('destroy() removes it; the preload promise of a Connector still loading rejects DESTROYED', async () => {
  const loading = create({ connectorId: uniqueId('noload') })
  const preloading = outcome(loading.preload())
  await waitForFrame(loading.connectorId)
  const done = create()
  const frame = await prepared(done)

  loading.destroy()
  done.destroy()
  await vi.waitFor(() => expect(preloading.settled()).toBe('DESTROYED'))
  expect(frame.isConnected).toBe(false)
  expect(iframes()).toEqual([])
  expect((await rejection(done.preload())).code).toBe('DESTROYED')
  expect((await rejection(done.open())).code).toBe('DESTROYED')
})

test('after a discard, preload() prepares a new Connector', async () => {
  const connector = create()
  const first = connector.preload()
  const old = await prepared(connector)
  connector.close()
  const second = connector.preload()
  expect(second).not.toBe(first)
  await second
  expect(theFrame(connector.connectorId)).not.toBe(old)
  expect(await pageLoads(connector.connectorId)).toBe(2)
})
