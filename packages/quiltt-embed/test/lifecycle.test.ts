// State machine of a connector (SPEC §3.2): idle → opening → open → closed, destroy from anywhere.
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { ConnectorError } from '../src/index'
import {
  cleanup,
  create,
  dialogs,
  frameOf,
  iframes,
  makeContainer,
  makeToken,
  openAndGetFrame,
  postFromFrame,
  quiltt,
  record,
  rejection,
  sync,
  uniqueId,
  waitForFrame,
} from './helpers'

afterEach(cleanup)

test('idle → opening (synchronously) → open after Load', async () => {
  const connector = create({ container: makeContainer() })
  expect(connector.state).toBe('idle')
  const opening = connector.open()
  expect(connector.state).toBe('opening')
  await opening
  expect(connector.state).toBe('open')
})

test('open and opened fire when the iframe is inserted, before any Load', async () => {
  const connector = create({ connectorId: uniqueId('noload'), container: makeContainer() })
  const seen: string[] = []
  connector.on('open', (metadata) => {
    seen.push(`open:${connector.state}:${Boolean(frameOf(connector.connectorId))}`)
    expect(metadata).toEqual({ connectorId: connector.connectorId })
  })
  const log = record(connector)
  const opening = connector.open()
  await vi.waitFor(() => expect(seen).toEqual(['open:opening:true']))
  expect(log).toStrictEqual([
    ['open', { connectorId: connector.connectorId }],
    ['event', 'opened', { connectorId: connector.connectorId }],
  ])
  connector.destroy()
  await rejection(opening)
})

test('open() resolves after the load listeners ran', async () => {
  const connector = create({ container: makeContainer() })
  const order: string[] = []
  connector.on('load', () => order.push('load'))
  connector.on('event', (type) => order.push(`event:${type}`))
  await connector.open().then(() => order.push('resolved'))
  expect(order).toEqual(['event:opened', 'load', 'event:loaded', 'resolved'])
})

test('open() while opening or open returns the same promise and mounts one iframe', async () => {
  const connector = create({ container: makeContainer() })
  const opens: unknown[] = []
  connector.on('open', (metadata) => opens.push(metadata))
  const first = connector.open()
  expect(connector.open()).toBe(first)
  await first
  expect(connector.open()).toBe(first)
  expect(iframes()).toHaveLength(1)
  expect(opens).toHaveLength(1)
})

test('Load is reported once per open, and again after a reopen', async () => {
  const connector = create({ container: makeContainer() })
  const loads: unknown[] = []
  connector.on('load', (metadata) => loads.push(metadata))
  const frame = await openAndGetFrame(connector)
  postFromFrame(frame, quiltt('Load'))
  await sync(frame)
  expect(loads).toHaveLength(1)
  connector.close()
  const second = await openAndGetFrame(connector)
  expect(second).not.toBe(frame)
  expect(loads).toHaveLength(2)
})

describe('close()', () => {
  test('removes the UI; the connector can be opened again in a fresh iframe', async () => {
    const connector = create()
    const log = record(connector)
    const frame = await openAndGetFrame(connector)
    connector.close()
    expect(connector.state).toBe('closed')
    expect(frame.isConnected).toBe(false)
    expect(iframes()).toEqual([])
    expect(dialogs()).toEqual([])
    const again = await openAndGetFrame(connector)
    expect(again).not.toBe(frame)
    expect(connector.state).toBe('open')
    expect(log.filter(([name]) => name === 'open')).toHaveLength(2)
    expect(log.filter(([name]) => name === 'load')).toHaveLength(2)
  })

  test('while opening settles the pending open() and no LOAD_TIMEOUT follows', async () => {
    const connector = create({ connectorId: uniqueId('noload'), timeout: 300 })
    const errors: ConnectorError[] = []
    connector.on('error', (error) => errors.push(error))
    const opening = connector.open()
    await waitForFrame(connector.connectorId)
    connector.close()
    await expect(opening).resolves.toBeUndefined()
    expect(connector.state).toBe('closed')
    expect(iframes()).toEqual([])
    // Let more than the 300 ms timeout pass, measured by another connector's own timeout.
    const clock = create({
      connectorId: uniqueId('noload'),
      timeout: 600,
      container: makeContainer(),
    })
    expect((await rejection(clock.open())).code).toBe('LOAD_TIMEOUT')
    expect(errors).toEqual([])
    expect(connector.state).toBe('closed')
  })

  test('is harmless when idle or already closed', async () => {
    const connector = create()
    connector.close()
    expect(['idle', 'closed']).toContain(connector.state)
    await connector.open()
    connector.close()
    connector.close()
    expect(connector.state).toBe('closed')
  })
})

describe('failed open()', () => {
  test('LOAD_TIMEOUT: rejects, emits error, removes the UI and returns to idle', async () => {
    const connector = create({ connectorId: uniqueId('noload'), timeout: 300 })
    const errors: ConnectorError[] = []
    connector.on('error', (error) => errors.push(error))
    const error = await rejection(connector.open())
    expect(error.code).toBe('LOAD_TIMEOUT')
    expect(errors).toEqual([error])
    expect(errors[0]).toBe(error)
    expect(frameOf(connector.connectorId)).toBeUndefined()
    expect(dialogs()).toEqual([])
    expect(connector.state).toBe('idle')
  })

  test('LOAD_TIMEOUT inline removes the iframe from the container', async () => {
    const container = makeContainer()
    const connector = create({ connectorId: uniqueId('noload'), timeout: 300, container })
    expect((await rejection(connector.open())).code).toBe('LOAD_TIMEOUT')
    expect(container.children).toHaveLength(0)
    expect(connector.state).toBe('idle')
  })

  test('from closed, returns to closed and can be retried', async () => {
    const token = makeToken()
    const connector = create({ container: makeContainer() })
    await connector.open()
    connector.close()
    let calls = 0
    connector.authenticate(() => {
      calls++
      if (calls === 1) throw new Error('flaky session endpoint')
      return token
    })
    expect((await rejection(connector.open())).code).toBe('TOKEN_PROVIDER_FAILED')
    expect(connector.state).toBe('closed')
    expect(iframes()).toEqual([])
    const frame = await openAndGetFrame(connector)
    expect(new URL(frame.src).searchParams.get('token')).toBe(token)
    expect(connector.state).toBe('open')
  })
})

describe('destroy()', () => {
  test('removes everything, is safe twice, and later open() rejects DESTROYED silently', async () => {
    const connector = create()
    const log = record(connector)
    await connector.open()
    log.length = 0
    connector.destroy()
    expect(connector.state).toBe('destroyed')
    expect(iframes()).toEqual([])
    expect(dialogs()).toEqual([])
    expect(() => connector.destroy()).not.toThrow()
    expect(connector.state).toBe('destroyed')
    expect((await rejection(connector.open())).code).toBe('DESTROYED')
    expect(() => connector.close()).not.toThrow()
    expect(connector.state).toBe('destroyed')
    expect(iframes()).toEqual([])
    expect(log).toEqual([])
  })

  test('while opening rejects the pending open() with DESTROYED and calls no listener', async () => {
    const connector = create({ connectorId: uniqueId('noload') })
    const opening = connector.open()
    await waitForFrame(connector.connectorId)
    const log = record(connector)
    connector.destroy()
    expect((await rejection(opening)).code).toBe('DESTROYED')
    expect(connector.state).toBe('destroyed')
    expect(iframes()).toEqual([])
    expect(dialogs()).toEqual([])
    expect(log).toEqual([])
  })

  test('while a provider is pending rejects DESTROYED and mounts nothing afterwards', async () => {
    let resolve!: (token: string) => void
    const connector = create({
      container: makeContainer(),
      token: () =>
        new Promise<string>((r) => {
          resolve = r
        }),
    })
    const log = record(connector)
    const opening = connector.open()
    await vi.waitFor(() => expect(resolve).toBeTypeOf('function'))
    connector.destroy()
    resolve(makeToken())
    expect((await rejection(opening)).code).toBe('DESTROYED')
    expect(iframes()).toEqual([])
    expect(log).toEqual([])
  })

  test('destroy() inside a listener: no later listener is called, not even of the same event', async () => {
    const connector = create({ container: makeContainer() })
    const frame = await openAndGetFrame(connector)
    const calls: string[] = []
    connector.on('exitSuccess', () => {
      calls.push('exitSuccess 1 (destroys)')
      connector.destroy()
    })
    connector.on('exitSuccess', () => calls.push('exitSuccess 2'))
    connector.on('exit', () => calls.push('exit'))
    connector.on('event', () => calls.push('event'))
    postFromFrame(frame, quiltt('ExitSuccess'))
    await vi.waitFor(() => expect(connector.state).toBe('destroyed'))
    expect(calls).toEqual(['exitSuccess 1 (destroys)'])
    expect(iframes()).toEqual([])
  })

  test('listeners registered with on() after destroy are never called', async () => {
    const connector = create()
    connector.destroy()
    const listener = vi.fn()
    const off = connector.on('error', listener)
    expect(off).toBeTypeOf('function')
    expect((await rejection(connector.open())).code).toBe('DESTROYED')
    expect(listener).not.toHaveBeenCalled()
  })
})
