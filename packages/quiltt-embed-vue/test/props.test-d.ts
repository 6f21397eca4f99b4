// Type-level contract of the Vue binding: props are createConnector's options (less `container`
// and the callbacks), events carry the SDK's types in both spellings, the composable's state is
// a ref.
import type {
  ConnectorError,
  ConnectorEventType,
  ConnectorMetadata,
  ConnectorState,
} from 'quiltt-embed'
import { describe, expectTypeOf, test } from 'vitest'
import type { Ref } from 'vue'
import {
  type QuilttButton,
  type QuilttConnector,
  type QuilttContainer,
  type QuilttTokenProvider,
  useQuilttConnector,
} from '../src/index'

type ButtonProps = InstanceType<typeof QuilttButton>['$props']
type ContainerProps = InstanceType<typeof QuilttContainer>['$props']
type ProviderProps = InstanceType<typeof QuilttTokenProvider>['$props']

describe('events', () => {
  test('listener props carry the SDK event types', () => {
    const props: ButtonProps = {
      connectorId: 'abc123',
      onExitSuccess: (metadata) => expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>(),
      onEvent: (type, metadata) => {
        expectTypeOf(type).toEqualTypeOf<ConnectorEventType>()
        expectTypeOf(metadata).toEqualTypeOf<ConnectorMetadata>()
      },
      onNavigate: (url) => expectTypeOf(url).toEqualTypeOf<string>(),
      onError: (error) => expectTypeOf(error).toEqualTypeOf<ConnectorError>(),
    }
    expectTypeOf(props).toMatchTypeOf<ButtonProps>()
  })

  test('a listener with the wrong parameters is refused', () => {
    const props: ButtonProps = {
      connectorId: 'abc123',
      // @ts-expect-error exitSuccess gives metadata, not a number
      onExitSuccess: (metadata: number) => metadata,
    }
    expectTypeOf(props).toMatchTypeOf<ButtonProps>()
  })
})

describe('props', () => {
  test('connectorId is required; token is a string or a provider', () => {
    // @ts-expect-error connectorId is required
    const missing: ButtonProps = { token: 'x' }
    const provider: ButtonProps = { connectorId: 'abc123', token: async () => 'token' }
    // @ts-expect-error a token is a string or a function returning one
    const number: ButtonProps = { connectorId: 'abc123', token: 42 }
    expectTypeOf([missing, provider, number]).toBeArray()
  })

  test('a component owns its container', () => {
    // @ts-expect-error QuilttContainer is the container
    const container: ContainerProps = { connectorId: 'abc123', container: '#inline' }
    // @ts-expect-error the composable takes no container either
    useQuilttConnector({ connectorId: 'abc123', container: '#inline' })
    expectTypeOf(container).toMatchTypeOf<ContainerProps>()
  })

  test('token may be { url }; every optional prop takes an explicit undefined', () => {
    const maybe = <T>(value: T): T | undefined => value
    const url: ButtonProps = { connectorId: 'abc123', token: { url: '/api/quiltt/session' } }
    const props: ContainerProps = {
      connectorId: 'abc123',
      token: maybe('token'),
      sessionKey: maybe('user_1'),
      connectionId: maybe('conn_1'),
      institution: maybe('Chase'),
      themeMode: maybe('dark' as const),
      labels: maybe({ close: 'Fermer' }),
      timeout: maybe(15_000),
      connectorUrl: maybe('https://abc123.quiltt.app'),
    }
    const provider: ProviderProps = { token: { url: '/api/quiltt/session' }, sessionKey: undefined }
    useQuilttConnector({ connectorId: 'abc123', sessionKey: maybe('user_1'), nonce: maybe('n') })
    expectTypeOf([url, props, provider]).toBeArray()
  })

  test('QuilttTokenProvider takes a token source', () => {
    const ok: ProviderProps = { token: () => Promise.resolve('token') }
    // @ts-expect-error a token is a string or a function returning one
    const bad: ProviderProps = { token: {} }
    expectTypeOf([ok, bad]).toBeArray()
  })
})

test('useQuilttConnector returns open, close, preload and a reactive state', () => {
  const connector = useQuilttConnector(() => ({ connectorId: 'abc123' }))
  expectTypeOf(connector).toEqualTypeOf<QuilttConnector>()
  expectTypeOf(connector.open).toEqualTypeOf<() => Promise<void>>()
  expectTypeOf(connector.preload).toEqualTypeOf<() => Promise<void>>()
  expectTypeOf(connector.state).toEqualTypeOf<Readonly<Ref<ConnectorState>>>()
})
