// Type-level contract of the React binding: props are createConnector's options (less
// `container`), callbacks carry the SDK's types, and `as` brings its element's own props.
import type {
  ConnectorError,
  ConnectorEventType,
  ConnectorMetadata,
  ConnectorState,
} from 'quiltt-embed'
import { describe, expectTypeOf, test } from 'vitest'
import {
  QuilttButton,
  type QuilttConnector,
  QuilttContainer,
  QuilttTokenProvider,
  useQuilttConnector,
} from '../src/index'

describe('callbacks', () => {
  test('carry the SDK event types', () => {
    QuilttButton({
      connectorId: 'abc123',
      onExitSuccess: (metadata) => expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>(),
      onEvent: (type, metadata) => {
        expectTypeOf(type).toEqualTypeOf<ConnectorEventType>()
        expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>()
      },
      onNavigate: (url) => expectTypeOf(url).toEqualTypeOf<string>(),
      // The connector's, not the DOM's onLoad/onError.
      onLoad: (metadata) => expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>(),
      onError: (error) => expectTypeOf(error).toEqualTypeOf<ConnectorError>(),
    })
  })
})

describe('props', () => {
  test('connectorId is required; token is a string or a provider', () => {
    // @ts-expect-error connectorId is required
    QuilttButton({ token: 'x' })
    QuilttButton({ connectorId: 'abc123', token: async () => 'token' })
    // @ts-expect-error a token is a string or a function returning one
    QuilttButton({ connectorId: 'abc123', token: 42 })
  })

  test('the element props of `as` (a <button> by default)', () => {
    QuilttButton({ connectorId: 'abc123', disabled: true, 'aria-label': 'Link' })
    QuilttButton({ connectorId: 'abc123', as: 'a', href: '/link' })
    // @ts-expect-error a <button> has no href
    QuilttButton({ connectorId: 'abc123', href: '/link' })
  })

  test('a component owns its container', () => {
    QuilttContainer({ connectorId: 'abc123', className: 'inline' })
    // @ts-expect-error QuilttContainer is the container
    QuilttContainer({ connectorId: 'abc123', container: '#inline' })
    // @ts-expect-error the hook takes no container either
    useQuilttConnector({ connectorId: 'abc123', container: '#inline' })
  })

  test('token may be { url } (a plain object a Server Component can pass)', () => {
    QuilttButton({ connectorId: 'abc123', token: { url: '/api/quiltt/session' } })
    QuilttTokenProvider({ token: { url: '/api/quiltt/session' }, sessionKey: 'user_1' })
    // @ts-expect-error a url is a string
    QuilttButton({ connectorId: 'abc123', token: { url: 42 } })
  })

  test('every optional prop takes an explicit undefined (exactOptionalPropertyTypes)', () => {
    const maybe = <T>(value: T): T | undefined => value
    const props = {
      connectorId: 'abc123',
      token: maybe('token'),
      sessionKey: maybe('user_1'),
      connectionId: maybe('conn_1'),
      institution: maybe('Chase'),
      appLauncherUrl: maybe('https://app.example/return'),
      nonce: maybe('n0nce'),
      themeMode: maybe('dark' as const),
      labels: maybe({ close: 'Fermer' }),
      timeout: maybe(15_000),
      connectorUrl: maybe('https://abc123.quiltt.app'),
      scriptUrl: maybe('https://cdn.quiltt.io/v1/connector.js'),
      onExitSuccess: maybe(() => {}),
      onError: maybe(() => {}),
    }
    QuilttButton(props)
    QuilttContainer(props)
    useQuilttConnector(props)
    QuilttTokenProvider({ token: undefined, sessionKey: undefined })
  })

  test('themeMode is one of three', () => {
    QuilttButton({ connectorId: 'abc123', themeMode: 'auto' })
    // @ts-expect-error light, dark or auto
    QuilttButton({ connectorId: 'abc123', themeMode: 'sepia' })
  })

  test('QuilttTokenProvider takes a token source', () => {
    QuilttTokenProvider({ token: () => Promise.resolve('token') })
    // @ts-expect-error a token is a string or a function returning one
    QuilttTokenProvider({ token: {} })
  })
})

test('useQuilttConnector returns open, close, preload and state', () => {
  const connector = useQuilttConnector({ connectorId: 'abc123' })
  expectTypeOf(connector).toEqualTypeOf<QuilttConnector>()
  expectTypeOf(connector.open).toEqualTypeOf<() => Promise<void>>()
  expectTypeOf(connector.preload).toEqualTypeOf<() => Promise<void>>()
  expectTypeOf(connector.close).toEqualTypeOf<() => void>()
  expectTypeOf(connector.state).toEqualTypeOf<ConnectorState>()
})
