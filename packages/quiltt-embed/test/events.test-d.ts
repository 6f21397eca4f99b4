// Type-level contract of the public API (SPEC §3): the event map, listener shapes and options.
import { describe, expectTypeOf, test } from 'vitest'
import {
  type Connector,
  ConnectorError,
  type ConnectorErrorCode,
  type ConnectorEvents,
  type ConnectorEventType,
  type ConnectorMetadata,
  type ConnectorOptions,
  type ConnectorState,
  createConnector,
  iframeTransport,
  scriptTransport,
  type TokenSource,
  type Transport,
} from '../src/index'

declare const connector: Connector

describe('listener parameters', () => {
  test('metadata-only events', () => {
    connector.on('exitSuccess', (metadata) => {
      expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>()
    })
    connector.on('exitAbort', (metadata) =>
      expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>(),
    )
    connector.on('exitError', (metadata) =>
      expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>(),
    )
    connector.on('open', (metadata) => expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>())
    connector.on('load', (metadata) => expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>())
  })

  test('exit and event get (type, metadata)', () => {
    connector.on('exit', (type, metadata) => {
      expectTypeOf(type).toEqualTypeOf<ConnectorEventType>()
      expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>()
    })
    connector.on('event', (type, metadata) => {
      expectTypeOf(type).toEqualTypeOf<ConnectorEventType>()
      expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>()
    })
    expectTypeOf<ConnectorEvents['exit']>().parameters.toEqualTypeOf<
      [ConnectorEventType, ConnectorMetadata]
    >()
  })

  test('navigate gets (url: string, metadata)', () => {
    connector.on('navigate', (url, metadata) => {
      expectTypeOf(url).toEqualTypeOf<string>()
      expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>()
    })
  })

  test('error gets a ConnectorError with a code union', () => {
    connector.on('error', (error) => {
      expectTypeOf(error).toEqualTypeOf<ConnectorError>()
      expectTypeOf(error.code).toEqualTypeOf<ConnectorErrorCode>()
    })
    expectTypeOf<'DESTROYED'>().toExtend<ConnectorErrorCode>()
    expectTypeOf<'NOPE'>().not.toExtend<ConnectorErrorCode>()
  })

  test('metadata shape', () => {
    expectTypeOf<ConnectorMetadata>().toEqualTypeOf<{
      connectorId: string
      profileId?: string
      connectionId?: string
      connectorSession?: { id: string }
    }>()
    expectTypeOf<`${ConnectorEventType}`>().toEqualTypeOf<
      'opened' | 'loaded' | 'exited.successful' | 'exited.aborted' | 'exited.errored'
    >()
  })
})

describe('on()', () => {
  test('returns the unsubscribe function', () => {
    expectTypeOf(connector.on('load', () => {})).toEqualTypeOf<() => void>()
  })

  test('rejects unknown events and wrong listener shapes', () => {
    // @ts-expect-error unknown event name
    connector.on('exitSucess', () => {})
    // @ts-expect-error navigate's url is a string, not a number
    connector.on('navigate', (url: number) => url)
    // @ts-expect-error error listeners get a ConnectorError, not a string
    connector.on('error', (error: string) => error)
    // @ts-expect-error exit's first parameter is the event type, not metadata
    connector.on('exit', (metadata: ConnectorMetadata, type: ConnectorEventType) => [
      metadata,
      type,
    ])
  })
})

describe('Connector and options', () => {
  test('members', () => {
    expectTypeOf(connector.state).toEqualTypeOf<ConnectorState>()
    expectTypeOf<ConnectorState>().toEqualTypeOf<
      'idle' | 'opening' | 'open' | 'closed' | 'destroyed'
    >()
    expectTypeOf(connector.open).returns.toEqualTypeOf<Promise<void>>()
    expectTypeOf(connector.close).returns.toEqualTypeOf<void>()
    expectTypeOf(connector.destroy).returns.toEqualTypeOf<void>()
    expectTypeOf(connector.authenticate).parameter(0).toEqualTypeOf<TokenSource>()
    expectTypeOf(connector.handleOAuthCallback).parameter(0).toEqualTypeOf<string>()
    expectTypeOf(createConnector).returns.toEqualTypeOf<Connector>()
    expectTypeOf(createConnector).parameter(0).toEqualTypeOf<ConnectorOptions>()
  })

  test('token sources and transports', () => {
    expectTypeOf<TokenSource>().toEqualTypeOf<
      string | (() => string | Promise<string>) | { url: string }
    >()
    expectTypeOf(iframeTransport).toEqualTypeOf<Transport>()
    expectTypeOf(scriptTransport).toEqualTypeOf<Transport>()
    expectTypeOf<Connector['preload']>().toEqualTypeOf<() => Promise<void>>()
  })

  test('option types are checked', () => {
    createConnector({ connectorId: 'abc', token: 'jwt' })
    createConnector({ connectorId: 'abc', token: async () => 'jwt', transport: scriptTransport })
    createConnector({
      connectorId: 'abc',
      token: 'jwt',
      container: document.createElement('div'),
      onExitSuccess: (metadata) => expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>(),
    })
    // @ts-expect-error transport is a value (iframeTransport or scriptTransport), not a string
    createConnector({ connectorId: 'abc', token: 'jwt', transport: 'script' })
    // @ts-expect-error transport is a value (iframeTransport or scriptTransport), not a string
    createConnector({ connectorId: 'abc', token: 'jwt', transport: 'carrier-pigeon' })
    // @ts-expect-error token is required
    createConnector({ connectorId: 'abc' })
    // @ts-expect-error a token provider returns a string, not an object
    createConnector({ connectorId: 'abc', token: () => ({ token: 'jwt' }) })
    // @ts-expect-error timeout is a number of milliseconds
    createConnector({ connectorId: 'abc', token: 'jwt', timeout: '15s' })
    // @ts-expect-error onNavigate receives (url, metadata)
    createConnector({ connectorId: 'abc', token: 'jwt', onNavigate: (url: number) => url })
  })

  test('ConnectorError', () => {
    expectTypeOf(new ConnectorError('INVALID_TOKEN', 'x')).toExtend<Error>()
    // @ts-expect-error codes are a closed union
    new ConnectorError('SOMETHING_ELSE', 'x')
  })
})
