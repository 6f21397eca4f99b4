// Options are read as own properties only (issue 16): with Object.prototype polluted (a bug
// elsewhere on the page, such as an unsafe deep merge), createConnector({ connectorId, token })
// still uses every default. Real Chromium, puppet Connector.
import { afterEach, expect, test, vi } from 'vitest'
import { ConnectorError, createConnector } from '../src/index'
import { cleanup, connectorUrl, dialogs, makeToken, onCleanup, originOf, uniqueId } from './helpers'

afterEach(cleanup)

/** Sets `values` on Object.prototype for this test only. */
function pollute(values: Record<string, unknown>): void {
  const proto = Object.prototype as Record<string, unknown>
  for (const [key, value] of Object.entries(values)) proto[key] = value
  onCleanup(() => {
    for (const key of Object.keys(values)) delete proto[key]
  })
}

test('polluted connectorUrl, container, transport, timeout and callbacks change nothing', async () => {
  const evil = originOf('evil')
  const calls: string[] = []
  const host = document.createElement('div')
  host.id = 'polluted-host'
  document.body.append(host)
  onCleanup(() => host.remove())
  pollute({
    connectorUrl: evil,
    scriptUrl: `${evil}/connector.js`,
    container: '#polluted-host',
    transport: 'script',
    timeout: 1,
    connectionId: 'conn_attacker',
    institution: 'Attacker Bank',
    appLauncherUrl: `${evil}/launch`,
    onLoad: () => calls.push('onLoad'),
    onEvent: () => calls.push('onEvent'),
  })
  // connectorUrl is own here (the puppet), so the Connector can load; everything else is left out.
  const connectorId = uniqueId()
  const connector = createConnector({ connectorId, token: makeToken(), connectorUrl })
  onCleanup(() => connector.destroy())
  await connector.open()

  // A modal (not the polluted container), an iframe, the default timeout, no inherited callbacks.
  expect(dialogs()).toHaveLength(1)
  expect(host.childElementCount).toBe(0)
  const src = new URL(document.querySelector<HTMLIFrameElement>('[role="dialog"] iframe')!.src)
  expect(src.origin).toBe(originOf(connectorId))
  for (const key of ['connectionId', 'institution', 'app_launcher_url'])
    expect(src.searchParams.has(key)).toBe(false)
  expect(calls).toEqual([])
})

test('without an own connectorUrl, the polluted one is ignored for the default Quiltt origin', () => {
  pollute({ connectorUrl: originOf('evil') })
  const connector = createConnector({ connectorId: 'abc123', token: makeToken() })
  onCleanup(() => connector.destroy())
  connector.open().catch(() => {})
  const frame = document.querySelector<HTMLIFrameElement>('[role="dialog"] iframe')
  return vi.waitFor(() => {
    const src = frame ?? document.querySelector<HTMLIFrameElement>('[role="dialog"] iframe')
    expect(new URL(src!.src).origin).toBe('https://abc123.quiltt.app')
  })
})

test('a polluted code cannot make a provider rejection pass for our own error', async () => {
  pollute({ code: 'TOKEN_PROVIDER_FAILED' })
  const connector = createConnector({
    connectorId: uniqueId(),
    connectorUrl,
    token: () => Promise.reject('upstream said: no'),
  })
  onCleanup(() => connector.destroy())
  const error = await connector.open().catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(ConnectorError)
  expect((error as ConnectorError).code).toBe('TOKEN_PROVIDER_FAILED')
  expect((error as ConnectorError).message).toMatch(/token provider must resolve/)
})
