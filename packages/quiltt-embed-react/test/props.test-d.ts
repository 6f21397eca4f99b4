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
