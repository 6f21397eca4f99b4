// Connector messages → SDK events (SPEC §3.3 and §4.1): which events, in which order, with which
// metadata; listeners that throw do not break anything.
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  captureWindowErrors,
  cleanup,
  create,
  makeContainer,
  openInline,
  plain,
  postFromFrame,
  quiltt,
  record,
  sync,
  uniqueId,
  waitForLiveFrame,
} from './helpers'

afterEach(cleanup)

const FIELDS = {
  connectorId: 'someone-else',
  profileId: 'p_42',
  connectionId: 'conn_7',
  connectorSession: { id: 'sess_9' },
}
const metadataFor = (connectorId: string) => ({
  connectorId,
  profileId: 'p_42',
  connectionId: 'conn_7',
  connectorSession: { id: 'sess_9' },
})

describe('exit messages', () => {
  test.each([
    ['ExitSuccess', 'exitSuccess', 'exited.successful'],
    ['ExitAbort', 'exitAbort', 'exited.aborted'],
    ['ExitError', 'exitError', 'exited.errored'],
  ])('%s emits %s, then exit, then event, with exact metadata', async (type, specific, value) => {
    const { connector, frame, log } = await openInline()
    postFromFrame(frame, quiltt(type, FIELDS))
    await sync(frame)
    const metadata = metadataFor(connector.connectorId)
    expect(log).toStrictEqual([
      [specific, metadata],
      ['exit', value, metadata],
      ['event', value, metadata],
    ])
  })

  test('metadata has only connectorId when the message carries no fields', async () => {
    const { connector, frame, log } = await openInline()
    postFromFrame(frame, quiltt('ExitAbort'))
    await sync(frame)
    const metadata = { connectorId: connector.connectorId }
    expect(log).toStrictEqual([
      ['exitAbort', metadata],
      ['exit', 'exited.aborted', metadata],
      ['event', 'exited.aborted', metadata],
    ])
  })

  test('metadata keeps partial fields and nothing else', async () => {
    const { connector, frame, log } = await openInline()
    postFromFrame(frame, quiltt('ExitSuccess', { connectionId: 'conn_1' }))
    await sync(frame)
    expect(log[0]).toStrictEqual([
      'exitSuccess',
      { connectorId: connector.connectorId, connectionId: 'conn_1' },
    ])
  })

  test('unknown extra fields of the message are not copied into metadata', async () => {
    const { connector, frame } = await openInline()
    const raw: object[] = []
    connector.on('exitSuccess', (metadata) => raw.push(metadata))
    postFromFrame(
      frame,
      quiltt('ExitSuccess', {
        ...FIELDS,
        extra: 'x',
        token: 'leak?',
        connectorSession: { id: 'sess_9', secret: 's' },
      }),
    )
    await sync(frame)
    expect(raw).toHaveLength(1)
    expect(Object.keys(raw[0] ?? {}).sort()).toEqual([
      'connectionId',
      'connectorId',
      'connectorSession',
      'profileId',
    ])
    expect(plain(raw[0])).toStrictEqual(metadataFor(connector.connectorId))
  })

  test('the same metadata reaches the specific listener, exit and event', async () => {
    const { connector, frame } = await openInline()
    const seen: unknown[] = []
    connector.on('exitError', (metadata) => seen.push(plain(metadata)))
    connector.on('exit', (_type, metadata) => seen.push(plain(metadata)))
    connector.on('event', (_type, metadata) => seen.push(plain(metadata)))
    postFromFrame(frame, quiltt('ExitError', FIELDS))
    await sync(frame)
    expect(seen).toStrictEqual([
      metadataFor(connector.connectorId),
      metadataFor(connector.connectorId),
      metadataFor(connector.connectorId),
    ])
  })
})

test('Load emits load then event(loaded) with the message metadata', async () => {
  const connector = create({ connectorId: uniqueId('noload'), container: makeContainer() })
  const log = record(connector)
  const opening = connector.open()
  const frame = await waitForLiveFrame(connector.connectorId)
  postFromFrame(frame, quiltt('Load', FIELDS))
  await opening
  const own = { connectorId: connector.connectorId }
  const metadata = metadataFor(connector.connectorId)
  expect(log).toStrictEqual([
    ['open', own],
    ['event', 'opened', own],
    ['load', metadata],
    ['event', 'loaded', metadata],
  ])
})

describe('Navigate', () => {
  test('an https url emits only navigate(url, metadata)', async () => {
    const { connector, frame, log } = await openInline()
    const url = 'https://bank.example/oauth/authorize?client_id=1&state=abc'
    postFromFrame(frame, quiltt('Navigate', { url, profileId: 'p_42' }))
    await sync(frame)
    expect(log).toStrictEqual([
      ['navigate', url, { connectorId: connector.connectorId, profileId: 'p_42' }],
    ])
    expect(connector.state).toBe('open')
  })

  test.each([
    ['a javascript: url', 'javascript:alert(document.domain)'],
    ['an http: url', 'http://bank.example/oauth'],
    ['a data: url', 'data:text/html,<script>alert(1)</script>'],
    ['a relative url', '/oauth/authorize'],
    ['a protocol-relative url', '//bank.example/oauth'],
    ['a url that is not a URL', 'not a url'],
    ['a numeric url', 42],
    ['no url', undefined],
  ])('Navigate with %s is dropped', async (_label, url) => {
    const { frame, log } = await openInline()
    postFromFrame(frame, quiltt('Navigate', url === undefined ? {} : { url }))
    await sync(frame)
    expect(log).toEqual([])
  })
})

describe('subscriptions', () => {
  test('on() returns an unsubscribe function', async () => {
    const { connector, frame } = await openInline()
    const kept = vi.fn()
    const removed = vi.fn()
    connector.on('exitSuccess', kept)
    const off = connector.on('exitSuccess', removed)
    expect(off).toBeTypeOf('function')
    off()
    postFromFrame(frame, quiltt('ExitSuccess'))
    await sync(frame)
    expect(kept).toHaveBeenCalledTimes(1)
    expect(removed).not.toHaveBeenCalled()
  })

  test('on* options are called like on() listeners', async () => {
    const callbacks = {
      onEvent: vi.fn(),
      onOpen: vi.fn(),
      onLoad: vi.fn(),
      onExit: vi.fn(),
      onExitSuccess: vi.fn(),
      onExitAbort: vi.fn(),
      onExitError: vi.fn(),
      onNavigate: vi.fn(),
      onError: vi.fn(),
    }
    const { connector, frame } = await openInline(callbacks)
    const own = { connectorId: connector.connectorId }
    expect(callbacks.onOpen).toHaveBeenCalledWith(own)
    expect(callbacks.onLoad).toHaveBeenCalledWith(own)
    postFromFrame(frame, quiltt('Navigate', { url: 'https://bank.example/' }))
    postFromFrame(frame, quiltt('ExitSuccess', { connectionId: 'conn_1' }))
    await sync(frame)
    const metadata = { ...own, connectionId: 'conn_1' }
    expect(callbacks.onNavigate).toHaveBeenCalledWith('https://bank.example/', own)
    expect(callbacks.onExitSuccess).toHaveBeenCalledWith(metadata)
    expect(callbacks.onExit).toHaveBeenCalledWith('exited.successful', metadata)
    expect(callbacks.onEvent.mock.calls).toEqual([
      ['opened', own],
      ['loaded', own],
      ['exited.successful', metadata],
    ])
    expect(callbacks.onExitAbort).not.toHaveBeenCalled()
    expect(callbacks.onExitError).not.toHaveBeenCalled()
    expect(callbacks.onError).not.toHaveBeenCalled()
  })
})

describe('a listener that throws', () => {
  const failure = (where: string) => new Error(`intentional listener failure in ${where}`)

  test('does not stop the other listeners nor later events, and is reported', async () => {
    const errors = captureWindowErrors()
    const { connector, frame } = await openInline()
    const log: string[] = []
    connector.on('exitSuccess', () => {
      throw failure('exitSuccess')
    })
    connector.on('exitSuccess', () => log.push('exitSuccess 2'))
    connector.on('exit', (type) => log.push(`exit ${type}`))
    connector.on('event', (type) => {
      log.push(`event ${type}`)
      throw failure('event')
    })
    postFromFrame(frame, quiltt('ExitSuccess'))
    postFromFrame(frame, quiltt('ExitError'))
    await sync(frame)
    expect(log).toEqual([
      'exitSuccess 2',
      'exit exited.successful',
      'event exited.successful',
      'exit exited.errored',
      'event exited.errored',
    ])
    await vi.waitFor(() => {
      const messages = errors.map((error) => (error instanceof Error ? error.message : error))
      expect(messages).toContain('intentional listener failure in exitSuccess')
      expect(messages.filter((m) => m === 'intentional listener failure in event')).toHaveLength(2)
    })
  })

  test('in open and load does not break open()', async () => {
    const errors = captureWindowErrors()
    const connector = create({ container: makeContainer() })
    connector.on('open', () => {
      throw failure('open')
    })
    connector.on('load', () => {
      throw failure('load')
    })
    await connector.open()
    expect(connector.state).toBe('open')
    await vi.waitFor(() => expect(errors).toHaveLength(2))
  })

  test('in error does not change the rejection of open()', async () => {
    captureWindowErrors()
    const connector = create({
      container: makeContainer(),
      token: () => {
        throw new Error('no session')
      },
    })
    connector.on('error', () => {
      throw failure('error')
    })
    await expect(connector.open()).rejects.toMatchObject({ code: 'TOKEN_PROVIDER_FAILED' })
    expect(connector.state).toBe('idle')
  })
})
