// Everything the SDK adds is removed (STYLE: "every listener, timer, element and style the SDK adds
// has its removal"; SPEC §9: DOM nodes and listeners after ÷ before = 1.00). Counts listeners on
// window and document and all DOM nodes against a baseline taken before createConnector.
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { Connector } from '../src/index'
import {
  cleanup,
  create,
  domNodeCount,
  makeContainer,
  makeToken,
  openAndGetFrame,
  postFromFrame,
  quiltt,
  rejection,
  trackGlobalListeners,
  uniqueId,
  waitForFrame,
} from './helpers'

let listeners: ReturnType<typeof trackGlobalListeners>
let baseline: number

beforeEach(() => {
  listeners = trackGlobalListeners()
  baseline = domNodeCount()
})

afterEach(() => {
  listeners.stop()
  cleanup()
})

function expectBaseline(): void {
  expect(listeners.net()).toEqual({})
  expect(domNodeCount()).toBe(baseline)
}

test('create → destroy', () => {
  create().destroy()
  expectBaseline()
})

test('create alone adds nothing', () => {
  create()
  expectBaseline()
})

test('create → open (modal) → destroy', async () => {
  const connector = create()
  await connector.open()
  expect(domNodeCount()).toBeGreaterThan(baseline)
  connector.destroy()
  expectBaseline()
})

test('create → open (inline) → destroy', async () => {
  const container = makeContainer()
  baseline = domNodeCount()
  const connector = create({ container })
  await connector.open()
  connector.destroy()
  expectBaseline()
})

test('open → close (modal), without destroy', async () => {
  const connector = create()
  await connector.open()
  connector.close()
  expectBaseline()
})

test('open → close (inline), without destroy', async () => {
  const container = makeContainer()
  baseline = domNodeCount()
  const connector = create({ container })
  await connector.open()
  connector.close()
  expectBaseline()
})

test('open → Escape → (modal closed by the user)', async () => {
  const connector = create()
  await connector.open()
  document.activeElement?.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
  )
  expect(connector.state).toBe('closed')
  expectBaseline()
})

test('open → exit message (modal closes itself)', async () => {
  const connector = create()
  const frame = await openAndGetFrame(connector)
  postFromFrame(frame, quiltt('ExitSuccess'))
  await vi.waitFor(() => expect(connector.state).toBe('closed'))
  expectBaseline()
})

test('failed open: LOAD_TIMEOUT', async () => {
  const connector = create({ connectorId: uniqueId('noload'), timeout: 300 })
  expect((await rejection(connector.open())).code).toBe('LOAD_TIMEOUT')
  expectBaseline()
  connector.destroy()
  expectBaseline()
})

test('failed open: provider failure', async () => {
  const connector = create({ token: () => Promise.reject(new Error('offline')) })
  expect((await rejection(connector.open())).code).toBe('TOKEN_PROVIDER_FAILED')
  expectBaseline()
})

test('destroy while opening', async () => {
  const connector = create({ connectorId: uniqueId('noload') })
  const opening = connector.open()
  await waitForFrame(connector.connectorId)
  connector.destroy()
  expect((await rejection(opening)).code).toBe('DESTROYED')
  expectBaseline()
})

test('close while opening', async () => {
  const connector = create({ connectorId: uniqueId('noload') })
  const opening = connector.open()
  await waitForFrame(connector.connectorId)
  connector.close()
  await opening
  expectBaseline()
})

test('8 create/open/destroy cycles, modal and inline, leave nothing behind', {
  timeout: 60_000,
}, async () => {
  const container = makeContainer()
  baseline = domNodeCount()
  for (let i = 0; i < 8; i++) {
    const connector: Connector = create({
      token: makeToken(),
      ...(i % 2 ? { container } : {}),
    })
    await connector.open()
    connector.destroy()
  }
  expectBaseline()
})

test('two connectors open at once, destroyed in any order', async () => {
  const a = create()
  const b = create({ container: document.body })
  await Promise.all([a.open(), b.open()])
  a.destroy()
  b.destroy()
  expectBaseline()
})
