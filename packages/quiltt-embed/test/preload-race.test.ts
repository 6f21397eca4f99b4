// preload() racing open(), close() and destroy() (SPEC §3.6): whatever comes first, there is one
// Connector, open() shows it with the events of a cold open, and the preload promise settles.
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  cleanup,
  create,
  iframes,
  makeContainer,
  makeToken,
  postFromFrame,
  quiltt,
  record,
  takesFocus,
  uniqueId,
  waitForLiveFrame,
} from './helpers'
import { outcome, pageLoads, settled, theFrame } from './preload-helpers'

afterEach(cleanup)

/** A token provider the test answers by hand: the preload waits on it as long as we like. */
function heldToken() {
  let answer!: (token: string) => void
  let calls = 0
  const provider = () => {
    calls++
    return calls === 1 ? new Promise<string>((resolve) => (answer = resolve)) : makeToken()
  }
  return {
    provider,
    /** Answers the first call, once the SDK has made it (it calls the provider asynchronously). */
    async answer() {
      await vi.waitFor(() => expect(calls).toBe(1))
      answer(makeToken())
    },
    calls: () => calls,
  }
}

/** One task later: every microtask queued before (a token reaching mount()) has run. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve()
    channel.port2.postMessage(null)
  })

const names = (log: unknown[][]) =>
  log.map(([name, type]) => (name === 'event' ? `event:${type}` : name))
const COLD = ['open', 'event:opened', 'load', 'event:loaded']

describe('open() while preparing', () => {
  test('while the token is on its way: one iframe, mounted shown, cold-open events', async () => {
    const token = heldToken()
    const connector = create({ token: token.provider })
    const log = record(connector)
    const preloading = outcome(connector.preload())
    const opening = connector.open()
    expect(connector.state).toBe('opening')
    await token.answer()
    await opening
    expect(preloading.settled()).toBe('resolved')
    expect(token.calls()).toBe(1)
    expect(names(log)).toEqual(COLD)
    const frame = theFrame(connector.connectorId)
    expect(iframes()).toEqual([frame])
    expect(getComputedStyle(frame).visibility).toBe('visible')
    expect(await pageLoads(connector.connectorId)).toBe(1)
  })

  test('while the Connector is loading hidden: shown at once, load follows its Load', async () => {
    const connector = create({ connectorId: uniqueId('noload'), container: makeContainer() })
    const log = record(connector)
    const preloading = outcome(connector.preload())
    const hidden = await waitForLiveFrame(connector.connectorId)
    const opening = connector.open()
    expect(connector.state).toBe('opening')
    expect(names(log)).toEqual(['open', 'event:opened'])
    expect(getComputedStyle(hidden).visibility).toBe('visible')
    postFromFrame(hidden, quiltt('Load'))
    await opening
    expect(preloading.settled()).toBe('resolved')
    expect(names(log)).toEqual(COLD)
    expect(iframes()).toEqual([hidden])
    expect(await pageLoads(connector.connectorId)).toBe(1)
  })

  test('preload() while opening returns the opening promise and prepares nothing more', async () => {
    const connector = create()
    const opening = connector.open()
    expect(await settled(connector.preload())).toBe('resolved')
    await opening
    expect(iframes()).toHaveLength(1)
    expect(await pageLoads(connector.connectorId)).toBe(1)
  })
})

describe.each(['close', 'destroy'] as const)('%s() while preparing', (end) => {
  const expected = end === 'close' ? 'resolved' : 'DESTROYED'

  test(`while the token is on its way: the preload settles (${expected}) and nothing mounts`, async () => {
    const token = heldToken()
    const connector = create({ token: token.provider })
    const log = record(connector)
    const preloading = connector.preload()
    connector[end]()
    expect(await settled(preloading)).toBe(expected)
    await token.answer()
    await nextTask()
    expect(iframes()).toEqual([])
    expect(log).toEqual([])
    expect(connector.state).toBe(end === 'close' ? 'idle' : 'destroyed')
  })

  test(`while the Connector is loading hidden: the preload settles (${expected}), the frame goes`, async () => {
    const connector = create({ connectorId: uniqueId('noload') })
    const log = record(connector)
    const preloading = connector.preload()
    const frame = await waitForLiveFrame(connector.connectorId)
    connector[end]()
    expect(await settled(preloading)).toBe(expected)
    expect(frame.isConnected).toBe(false)
    expect(log).toEqual([])
  })
})

test('close() before the token arrived, then open(): only the open mounts', async () => {
  const token = heldToken()
  const connector = create({ token: token.provider })
  const preloading = connector.preload()
  connector.close()
  await token.answer()
  await connector.open()
  await preloading
  expect(iframes()).toHaveLength(1)
  expect(await pageLoads(connector.connectorId)).toBe(1)
})

describe('two preloaded connectors on one page', () => {
  test('a modal and an inline one, opened one after the other', async () => {
    const modal = create({ connectorId: uniqueId('meta') })
    const inline = create({ connectorId: uniqueId('meta'), container: makeContainer() })
    const logs = [record(modal), record(inline)]
    await Promise.all([modal.preload(), inline.preload()])
    const frames = [modal, inline].map((connector) => theFrame(connector.connectorId))

    await modal.open()
    expect(getComputedStyle(frames[0]!).visibility).toBe('visible')
    expect(getComputedStyle(frames[1]!).visibility).toBe('hidden')
    expect(names(logs[1]!)).toEqual([])
    modal.close()

    await inline.open()
    expect(getComputedStyle(frames[1]!).visibility).toBe('visible')
    expect(iframes()).toEqual([frames[1]])
    expect(logs.map(names)).toEqual([[...COLD], COLD])
    expect(logs[1]?.[2]?.[1]).toMatchObject({ profileId: `p_${inline.connectorId}` })
    for (const connector of [modal, inline]) expect(await pageLoads(connector.connectorId)).toBe(1)
  })

  test('two modals: the second opens on top of the first, each its own prepared frame', async () => {
    const [first, second] = [create(), create()]
    await Promise.all([first.preload(), second.preload()])
    const frames = [first, second].map((connector) => theFrame(connector.connectorId))
    await first.open()
    await second.open()
    const dialogs = frames.map((frame) => frame.closest('[role="dialog"]') as HTMLElement)
    expect(dialogs.map((dialog) => getComputedStyle(dialog).visibility)).toEqual([
      'visible',
      'visible',
    ])
    // Both in the top layer; only the newest takes input, and focus is in it.
    expect(dialogs.map((dialog) => dialog.matches(':modal'))).toEqual([true, true])
    expect(dialogs.map(takesFocus)).toEqual([false, true])
    expect(dialogs[1]?.contains(document.activeElement)).toBe(true)
    second.close()
    expect(takesFocus(dialogs[0]!)).toBe(true)
    expect(iframes()).toEqual([frames[0]])
    for (const connector of [first, second]) expect(await pageLoads(connector.connectorId)).toBe(1)
  })
})
