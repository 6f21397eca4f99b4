// open() after a successful preload() (SPEC §3.6): the prepared Connector is shown as it is — the
// same iframe, never reloaded, no new token — with the events and states of a cold open and the
// metadata its Load carried. Preparing itself emits nothing, and a hidden Connector's exits are
// ignored. The puppet server counts page loads; `meta…` Connectors send Load with metadata.
import { afterEach, describe, expect, test } from 'vitest'
import type { Connector } from '../src/index'
import {
  cleanup,
  create,
  iframes,
  makeContainer,
  makeToken,
  postFromFrame,
  quiltt,
  record,
  sync,
  uniqueId,
} from './helpers'
import { pageLoads, theFrame } from './preload-helpers'

afterEach(cleanup)

const shapes = ['modal', 'inline'] as const
const optionsFor = (shape: (typeof shapes)[number]) =>
  shape === 'inline' ? { container: makeContainer() } : {}

describe.each(shapes)('%s', (shape) => {
  test('open() shows the prepared iframe itself: same element and window, no second page load', async () => {
    const connector = create(optionsFor(shape))
    await connector.preload()
    const frame = theFrame(connector.connectorId)
    const win = frame.contentWindow
    expect(await pageLoads(connector.connectorId)).toBe(1)

    await connector.open()
    expect(iframes()).toEqual([frame])
    expect(frame.contentWindow).toBe(win)
    // A round trip through the puppet: the document that loaded is still the one running.
    await sync(frame)
    expect(await pageLoads(connector.connectorId)).toBe(1)
  })

  test('open() emits open then load with the Load metadata, in the states of a cold open, then resolves', async () => {
    const connectorId = uniqueId('meta')
    const cold = create({ connectorId: uniqueId('meta'), ...optionsFor(shape) })
    const warm = create({ connectorId, ...optionsFor(shape) })
    const trace = (connector: Connector) => {
      const steps: unknown[] = []
      connector.on('open', () => steps.push(`open:${connector.state}`))
      connector.on('load', () => steps.push(`load:${connector.state}`))
      return steps
    }
    const coldSteps = trace(cold)
    await cold.open()

    const log = record(warm)
    const steps = trace(warm)
    await warm.preload()
    // Preparing is invisible to listeners too: no `open`, no `load`, no `event`.
    expect(log).toEqual([])
    expect(warm.state).toBe('idle')

    await warm.open().then(() => steps.push('resolved'))
    expect(steps).toEqual([...coldSteps, 'resolved'])
    const loaded = {
      connectorId,
      profileId: `p_${connectorId}`,
      connectorSession: { id: `sess_${connectorId}` },
    }
    expect(log.map(([name, type]) => (name === 'event' ? `event:${type}` : name))).toEqual([
      'open',
      'event:opened',
      'load',
      'event:loaded',
    ])
    // `open` speaks for this connector (it may already know the session: SPEC leaves that open);
    // `load` carries exactly what the Connector's Load said.
    expect(log[0]?.[1]).toMatchObject({ connectorId })
    expect(log[2]).toStrictEqual(['load', loaded])
    expect(warm.state).toBe('open')
  })

  test('open() makes no request: the token provider is not called again', async () => {
    let calls = 0
    const connector = create({
      ...optionsFor(shape),
      token: () => {
        calls++
        return makeToken()
      },
    })
    await connector.preload()
    expect(calls).toBe(1)
    await connector.open()
    expect(calls).toBe(1)
    expect(await pageLoads(connector.connectorId)).toBe(1)
  })
})

test('preload() again while preparing or prepared returns the same promise and one iframe', async () => {
  const connector = create()
  const first = connector.preload()
  expect(connector.preload()).toBe(first)
  await first
  expect(connector.preload()).toBe(first)
  expect(iframes()).toHaveLength(1)
  expect(await pageLoads(connector.connectorId)).toBe(1)
})

test('preload() while open does not prepare a second Connector', async () => {
  const connector = create({ container: makeContainer() })
  await connector.open()
  const frame = theFrame(connector.connectorId)
  await connector.preload()
  expect(iframes()).toEqual([frame])
  expect(connector.state).toBe('open')
  expect(await pageLoads(connector.connectorId)).toBe(1)
})

test("a hidden Connector's exit and navigate messages are ignored: no event, still prepared", async () => {
  const connector = create()
  const log = record(connector)
  await connector.preload()
  const frame = theFrame(connector.connectorId)
  for (const type of ['ExitSuccess', 'ExitAbort', 'ExitError'])
    postFromFrame(frame, quiltt(type, { connectionId: 'conn_1' }))
  postFromFrame(frame, quiltt('Navigate', { url: 'https://bank.example/oauth' }))
  await sync(frame)
  expect(log).toEqual([])
  expect(connector.state).toBe('idle')
  expect(iframes()).toEqual([frame])

  // Still the prepared Connector: opening it shows that frame, with no trace of the exits.
  await connector.open()
  expect(iframes()).toEqual([frame])
  expect(log.map(([name]) => name)).toEqual(['open', 'event', 'load', 'event'])
  expect(connector.state).toBe('open')
  expect(await pageLoads(connector.connectorId)).toBe(1)
})

test('after a preloaded modal is opened, its exits work as in a cold open', async () => {
  const connector = create()
  await connector.preload()
  await connector.open()
  const log = record(connector)
  postFromFrame(theFrame(connector.connectorId), quiltt('ExitSuccess', { connectionId: 'conn_2' }))
  await expect.poll(() => connector.state).toBe('closed')
  const metadata = { connectorId: connector.connectorId, connectionId: 'conn_2' }
  expect(log).toStrictEqual([
    ['exitSuccess', metadata],
    ['exit', 'exited.successful', metadata],
    ['event', 'exited.successful', metadata],
  ])
  expect(iframes()).toEqual([])
})
