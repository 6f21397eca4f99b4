// Inbound message checks (SPEC §4.1): only this connector's iframe window, on exactly this
// connector's origin, sending well-typed Quiltt messages, is ever heard. Everything else is dropped
// silently: no event, no throw.
import { afterEach, describe, expect, test } from 'vitest'
import {
  captureWindowErrors,
  cleanup,
  create,
  foreignFrame,
  makeContainer,
  navigateFrameAway,
  openInline,
  originOf,
  postFromFrame,
  quiltt,
  record,
  sync,
  uniqueId,
  waitForLiveFrame,
  waitForMessage,
} from './helpers'

afterEach(cleanup)

describe('malformed data from the connector frame itself is dropped', () => {
  test.each([
    ['a string', 'ExitSuccess'],
    ['a JSON string of a valid message', JSON.stringify(quiltt('ExitSuccess'))],
    ['an array', ['quiltt', 'ExitSuccess']],
    ['null', null],
    ['a number', 42],
    ['a boolean', true],
    ['no source', { type: 'ExitSuccess' }],
    ['another source', { source: 'plaid', type: 'ExitSuccess' }],
    ['source in another case', { source: 'Quiltt', type: 'ExitSuccess' }],
    ['an unknown type', quiltt('Explode')],
    ['a type in another case', quiltt('exitsuccess')],
    ['no type', { source: 'quiltt' }],
    ['a numeric type', quiltt('1', { type: 1 })],
    ['type toString', quiltt('toString')],
    ['type __proto__', quiltt('__proto__')],
    ['type constructor', quiltt('constructor')],
    ['type hasOwnProperty', quiltt('hasOwnProperty')],
    ['type valueOf', quiltt('valueOf')],
    ['the host-only OAuthCallback type', quiltt('OAuthCallback', { data: {} })],
    ['a numeric connectionId', quiltt('ExitSuccess', { connectionId: 1 })],
    ['an object profileId', quiltt('ExitSuccess', { profileId: { id: 'p' } })],
    ['a string connectorSession', quiltt('ExitSuccess', { connectorSession: 'x' })],
    [
      'a connectorSession with a numeric id',
      quiltt('ExitSuccess', { connectorSession: { id: 1 } }),
    ],
    ['a connectorSession without id', quiltt('ExitSuccess', { connectorSession: {} })],
    ['a fixture message', { fixture: 'post', data: quiltt('ExitSuccess') }],
  ])('%s', async (_label, data) => {
    const errors = captureWindowErrors()
    const { connector, frame, log } = await openInline()
    postFromFrame(frame, data)
    await sync(frame)
    expect(log).toEqual([])
    expect(errors).toEqual([])
    expect(connector.state).toBe('open')
  })
})

test('a JSON-parsed __proto__ payload pollutes nothing', async () => {
  const errors = captureWindowErrors()
  const { connector, frame } = await openInline()
  const raw: object[] = []
  connector.on('exitSuccess', (metadata) => raw.push(metadata))
  connector.on('event', (_type, metadata) => raw.push(metadata))
  const data = JSON.parse(
    '{"source":"quiltt","type":"ExitSuccess","connectionId":"conn_1",' +
      '"__proto__":{"polluted":1,"connectorId":"evil"},' +
      '"connectorSession":{"id":"s","__proto__":{"polluted":2}}}',
  )
  postFromFrame(frame, data)
  await sync(frame)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.prototype).not.toHaveProperty('polluted')
  expect(errors).toEqual([])
  // Dropping the message and accepting it with clean metadata are both fine.
  for (const metadata of raw) {
    expect('polluted' in metadata).toBe(false)
    expect(Object.getPrototypeOf(metadata)).not.toHaveProperty('polluted')
    expect((metadata as { connectorId: string }).connectorId).toBe(connector.connectorId)
    const session = (metadata as { connectorSession?: object }).connectorSession
    if (session) expect('polluted' in session).toBe(false)
  }
})

test('a quiltt message from another origin is dropped', async () => {
  const errors = captureWindowErrors()
  const { frame, log } = await openInline()
  const evil = await foreignFrame(uniqueId('evil'))
  postFromFrame(evil, quiltt('ExitSuccess', { connectionId: 'conn_evil' }))
  postFromFrame(evil, quiltt('Navigate', { url: 'https://phish.example/' }))
  await sync(evil)
  // The connector frame still works, and was processed after the evil messages.
  postFromFrame(frame, quiltt('ExitAbort'))
  await sync(frame)
  expect(log.map(([name]) => name)).toEqual(['exitAbort', 'exit', 'event'])
  expect(errors).toEqual([])
})

test('a Load from another origin does not complete open()', async () => {
  const connector = create({ connectorId: uniqueId('noload'), container: makeContainer() })
  const log = record(connector)
  const opening = connector.open()
  const frame = await waitForLiveFrame(connector.connectorId)
  const evil = await foreignFrame(uniqueId('evil'))
  // The evil puppet posts a Load of its own when it loads; wait until it did, then once more.
  await waitForMessage((event) => event.source === evil.contentWindow)
  postFromFrame(evil, quiltt('Load'))
  await sync(evil)
  expect(connector.state).toBe('opening')
  expect(log.map(([name]) => name)).toEqual(['open', 'event'])
  postFromFrame(frame, quiltt('Load'))
  await opening
  expect(log.map(([name]) => name)).toEqual(['open', 'event', 'load', 'event'])
})

test('another window on the same connector origin is not heard (source window check)', async () => {
  const connectorId = uniqueId('noload')
  const connector = create({ connectorId, container: makeContainer() })
  const log = record(connector)
  const opening = connector.open()
  const frame = await waitForLiveFrame(connectorId)
  const twin = await foreignFrame(connectorId)
  expect(new URL(twin.src).origin).toBe(originOf(connectorId))
  postFromFrame(twin, quiltt('Load'), location.origin)
  postFromFrame(twin, quiltt('ExitSuccess'), location.origin)
  await sync(twin)
  expect(connector.state).toBe('opening')
  expect(log.map(([name]) => name)).toEqual(['open', 'event'])
  postFromFrame(frame, quiltt('Load'))
  await opening
  postFromFrame(twin, quiltt('ExitError'))
  await sync(twin)
  expect(log.map(([name]) => name)).toEqual(['open', 'event', 'load', 'event'])
})

test('after the connector frame navigates to another origin, its messages are dropped', async () => {
  const errors = captureWindowErrors()
  const { connector, frame, log } = await openInline()
  // The evil page announces itself with a (quiltt-looking) Load from the same frame window.
  await navigateFrameAway(frame)
  postFromFrame(frame, quiltt('ExitSuccess', { connectionId: 'conn_evil' }))
  postFromFrame(frame, quiltt('Navigate', { url: 'https://phish.example/' }))
  await sync(frame)
  expect(log).toEqual([])
  expect(errors).toEqual([])
  expect(connector.state).toBe('open')
})

test('two inline connectors each hear only their own iframe', async () => {
  const a = await openInline()
  const b = await openInline()
  expect(a.frame).not.toBe(b.frame)
  postFromFrame(a.frame, quiltt('ExitSuccess', { connectionId: 'conn_a' }))
  await sync(a.frame)
  postFromFrame(b.frame, quiltt('ExitError', { connectionId: 'conn_b' }))
  await sync(b.frame)
  expect(a.log).toStrictEqual([
    ['exitSuccess', { connectorId: a.connector.connectorId, connectionId: 'conn_a' }],
    ['exit', 'exited.successful', { connectorId: a.connector.connectorId, connectionId: 'conn_a' }],
    [
      'event',
      'exited.successful',
      { connectorId: a.connector.connectorId, connectionId: 'conn_a' },
    ],
  ])
  expect(b.log).toStrictEqual([
    ['exitError', { connectorId: b.connector.connectorId, connectionId: 'conn_b' }],
    ['exit', 'exited.errored', { connectorId: b.connector.connectorId, connectionId: 'conn_b' }],
    ['event', 'exited.errored', { connectorId: b.connector.connectorId, connectionId: 'conn_b' }],
  ])
})

test('destroying one connector leaves the other listening', async () => {
  const a = await openInline()
  const b = await openInline()
  a.connector.destroy()
  postFromFrame(b.frame, quiltt('ExitAbort'))
  await sync(b.frame)
  expect(b.log.map(([name]) => name)).toEqual(['exitAbort', 'exit', 'event'])
  expect(a.log).toEqual([])
})
