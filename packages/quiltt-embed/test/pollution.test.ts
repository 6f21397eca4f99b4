// Options are read as own properties only (issue 16): with Object.prototype polluted (a bug
// elsewhere on the page, such as an unsafe deep merge), createConnector({ connectorId, token })
// still uses every default. Real Chromium, puppet Connector.
import { afterEach, expect, test, vi } from 'vitest'
import { ConnectorError, createConnector } from '../src/index'
import {
  cleanup,
  connectorUrl,
  dialogs,
  makeToken,
  onCleanup,
  originOf,
  postFromFrame,
  quiltt,
  uniqueId,
} from './helpers'

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

// Issue 19, item 1: attributes are set from the SDK's own lists only. A walk with `for…in` would
// pick up `Object.prototype.onload` (script on the SDK's own iframe and dialog) or `srcdoc`
// (attacker markup in place of the Connector, in a same-origin frame).
test('a polluted onload, srcdoc, src, style, allow or sandbox never becomes an attribute', async () => {
  const ran: string[] = []
  ;(window as unknown as Record<string, unknown>).__quilttPolluted = (name: string) =>
    ran.push(name)
  onCleanup(() => delete (window as unknown as Record<string, unknown>).__quilttPolluted)
  pollute({
    onload: "__quilttPolluted('onload')",
    onerror: "__quilttPolluted('onerror')",
    srcdoc: '<p id="attacker">Enter your bank password</p>',
    src: `${originOf('evil')}/`,
    style: 'color:rgb(1, 2, 3)',
    allow: 'camera *; microphone *',
    sandbox: 'allow-scripts',
  })
  const connectorId = uniqueId()
  const connector = createConnector({ connectorId, token: makeToken(), connectorUrl })
  onCleanup(() => connector.destroy())
  // Checked as soon as the frame is in the page: a srcdoc Connector would never load.
  const opened = connector.open()
  opened.catch(() => {})
  const iframe = await vi.waitFor(() => {
    const found = document.querySelector<HTMLIFrameElement>('[role="dialog"] iframe')
    expect(found).not.toBeNull()
    return found!
  })
  const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!
  for (const element of [dialog, ...dialog.querySelectorAll('*')]) {
    for (const name of ['onload', 'onerror', 'srcdoc', 'sandbox'])
      expect(element.hasAttribute(name), `${element.tagName} has ${name}`).toBe(false)
    if (element !== iframe)
      for (const name of ['src', 'allow'])
        expect(element.hasAttribute(name), `${element.tagName} has ${name}`).toBe(false)
    expect(element.getAttribute('style') ?? '').not.toContain('rgb(1, 2, 3)')
  }
  expect(iframe.getAttribute('allow')).toBe('publickey-credentials-get *')
  expect(new URL(iframe.src).origin).toBe(originOf(connectorId))
  // The real Connector loads in it, and no polluted handler ever ran.
  await opened
  expect(ran).toEqual([])
})

// Issue 19, item 2: nanoevents starts from `events = {}`, so a polluted `Object.prototype.exitSuccess
// = []` is one array every connector pushes onto: connector A, never opened, hears B's exit.
test("under a polluted event table, one connector never hears another's events", async () => {
  const shared: unknown[] = []
  const sharedEvent: unknown[] = []
  pollute({ exitSuccess: shared, event: sharedEvent })
  const heardByA: unknown[] = []
  const a = createConnector({ connectorId: uniqueId(), token: makeToken(), connectorUrl })
  onCleanup(() => a.destroy())
  a.on('exitSuccess', (metadata) => heardByA.push(metadata))
  a.on('event', (type) => heardByA.push(type))

  const heardByB: unknown[] = []
  const b = createConnector({ connectorId: uniqueId(), token: makeToken(), connectorUrl })
  onCleanup(() => b.destroy())
  b.on('exitSuccess', (metadata) => heardByB.push(metadata))
  await b.open()
  const frame = document.querySelector<HTMLIFrameElement>('[role="dialog"] iframe')!
  postFromFrame(frame, quiltt('ExitSuccess', { connectionId: 'conn_of_b' }))
  // A's listeners would run in the same emit as B's.
  await vi.waitFor(() => expect(heardByB).toHaveLength(1))

  expect(heardByA).toEqual([])
  // Also after destroy() (which clears the table): nothing lands on the polluted array.
  a.destroy()
  a.on('exitSuccess', () => heardByA.push('after destroy'))
  expect(shared).toEqual([])
  expect(sharedEvent).toEqual([])
})
