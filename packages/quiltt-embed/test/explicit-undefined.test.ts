// An option given as `undefined` is an option left out (SPEC §3.1): integrators forward values
// that may be unset (`process.env.X`, a prop), and each must get its default, not a refusal.
import { afterEach, expect, test } from 'vitest'
import { createConnector } from '../src/index'
import { cleanup, connectorUrl, dialogs, makeToken, onCleanup, uniqueId } from './helpers'

afterEach(cleanup)

test('every optional option given as undefined: the defaults apply (iframe transport, modal)', async () => {
  const connector = createConnector({
    connectorId: uniqueId(),
    token: makeToken(),
    connectorUrl,
    transport: undefined,
    container: undefined,
    connectionId: undefined,
    institution: undefined,
    appLauncherUrl: undefined,
    nonce: undefined,
    themeMode: undefined,
    labels: undefined,
    timeout: undefined,
    scriptUrl: undefined,
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
  onCleanup(() => connector.destroy())
  await connector.open()
  expect(connector.state).toBe('open')
  const [dialog] = dialogs()
  const src = new URL(dialog!.querySelector('iframe')!.src)
  // Unset options send no parameter at all (not the string "undefined").
  expect([...src.searchParams.keys()].sort()).toEqual(['agent', 'embed_location', 'mode', 'token'])
})
