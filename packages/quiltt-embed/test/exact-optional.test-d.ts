// Every optional option accepts an explicit `undefined` (SPEC §3.1), checked under
// exactOptionalPropertyTypes (tsconfig.typecheck.json), where `prop?: T` alone would refuse it:
// integrators forward `string | undefined` values (environment variables, props) as they are.
import { describe, expectTypeOf, test } from 'vitest'
import {
  type AutoBindConfig,
  autoBind,
  type ConnectorOptions,
  createConnector,
  type TokenSource,
} from '../src/index'

declare const maybe: {
  string: string | undefined
  number: number | undefined
  element: HTMLElement | undefined
}

/** The optional keys of T. */
type OptionalKeys<T> = {
  [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? K : never
}[keyof T]
/** T's optional options, every one explicitly `undefined`. */
type AllUndefined<T> = { [K in OptionalKeys<T>]: undefined }

describe('under exactOptionalPropertyTypes', () => {
  test('no optional option of createConnector or autoBind refuses undefined', () => {
    expectTypeOf<AllUndefined<ConnectorOptions>>().toExtend<
      Pick<ConnectorOptions, OptionalKeys<ConnectorOptions>>
    >()
    expectTypeOf<AllUndefined<AutoBindConfig>>().toExtend<AutoBindConfig>()
  })

  test('values that may be undefined are passed as they are', () => {
    createConnector({
      connectorId: 'abc123',
      token: 'jwt',
      transport: undefined,
      container: maybe.element,
      connectionId: maybe.string,
      institution: maybe.string,
      appLauncherUrl: maybe.string,
      nonce: maybe.string,
      themeMode: undefined,
      labels: { dialog: maybe.string, close: maybe.string, loading: undefined },
      timeout: maybe.number,
      connectorUrl: maybe.string,
      scriptUrl: maybe.string,
      trustedHosts: undefined,
      onEvent: undefined,
      onOpen: undefined,
      onLoad: undefined,
      onExit: undefined,
      onExitSuccess: undefined,
      onExitAbort: undefined,
      onExitError: undefined,
      onNavigate: undefined,
      onError: undefined,
    })
    autoBind(document, {
      token: undefined,
      connectorUrl: maybe.string,
      scriptUrl: maybe.string,
      trustedHosts: undefined,
      connectorIds: undefined,
      themeMode: undefined,
      labels: undefined,
    })
  })

  test('required options stay required', () => {
    // @ts-expect-error connectorId is required
    createConnector({ connectorId: undefined, token: 'jwt' })
    // @ts-expect-error token is required
    createConnector({ connectorId: 'abc123', token: undefined })
    // @ts-expect-error { url } needs a string url
    createConnector({ connectorId: 'abc123', token: { url: undefined } })
  })

  test('{ url } is a token source, so authenticate() takes it too', () => {
    expectTypeOf<{ url: string }>().toExtend<TokenSource>()
  })
})
