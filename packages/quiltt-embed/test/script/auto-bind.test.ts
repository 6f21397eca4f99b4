// Declarative use (SPEC §3.5): autoBind over data-quiltt-* elements, in real Chromium. The
// iframe transport talks to the puppet Connector served by ./fixture-server/ at
// http://{connectorId}.localhost:PORT; the script transport loads the stand-in connector.js from
// http://cdn.localhost:PORT. Those URLs and the token come from autoBind's config (what the page
// author wrote), never from markup.
import { afterEach, describe, expect, test, vi } from 'vitest'
import { type AutoBindConfig, autoBind, ConnectorError } from '../../src/index'
import { answerTokenRequests } from '../token-requests'
import {
  adopt,
  cleanup,
  connectorUrl,
  emit,
  makeToken,
  onCleanup,
  originOf,
  scriptUrl,
  steps,
  unique,
  waitForQuilttOpen,
} from './helpers'

afterEach(cleanup)

/** A cross-origin iframe load can take a while on a busy 2-core machine. */
const WAIT = { timeout: 5000 }

const QUILTT_EVENTS = [
  'open',
  'load',
  'exit',
  'exit-success',
  'exit-abort',
  'exit-error',
  'navigate',
  'error',
] as const

interface Seen {
  name: string
  target: EventTarget | null
  bubbles: boolean
  detail: Record<string, unknown>
}

/** Records every `quiltt:*` event that reaches `document` (i.e. bubbled up from an element). */
function listenAtDocument(): Seen[] {
  const seen: Seen[] = []
  for (const name of QUILTT_EVENTS) {
    const listener = (event: Event) => {
      expect(event).toBeInstanceOf(CustomEvent)
      const { bubbles, target, detail } = event as CustomEvent
      seen.push({ name, target, bubbles, detail })
    }
    document.addEventListener(`quiltt:${name}`, listener)
    onCleanup(() => document.removeEventListener(`quiltt:${name}`, listener))
  }
  return seen
}

async function waitForEvent(seen: Seen[], name: string, target?: Element): Promise<Seen> {
  return vi.waitFor(() => {
    const found = seen.find((event) => event.name === name && (!target || event.target === target))
    if (!found) throw new Error(`no quiltt:${name} yet (saw ${seen.map((e) => e.name).join(', ')})`)
    return found
  }, WAIT)
}

/** The page author's configuration: a fresh session token and the puppet Connector's URL. */
function authorConfig(extra: AutoBindConfig = {}): AutoBindConfig & { token: string } {
  return { token: makeToken(), connectorUrl, ...extra } as AutoBindConfig & { token: string }
}

/** A root of our own, so autoBind sees only this test's elements; unbound after the test. */
function bindRoot(config: AutoBindConfig = authorConfig()): {
  root: HTMLElement
  unbind: () => void
  config: AutoBindConfig
} {
  const root = adopt(document.createElement('section'))
  const unbind = autoBind(root, config)
  onCleanup(unbind)
  return { root, unbind, config }
}

function element(tag: string, attributes: Record<string, string>): HTMLElement {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  return node
}

/** Attributes for an element bound to a fresh connectorId: markup chooses only what to open. */
function quilttAttributes(kind: 'button' | 'container', extra: Record<string, string> = {}) {
  const connectorId = unique('ab')
  const attributes: Record<string, string> = { [`data-quiltt-${kind}`]: connectorId, ...extra }
  return { connectorId, attributes }
}

const frameIn = (node: ParentNode) => node.querySelector('iframe')
const dialogs = () => Array.from(document.querySelectorAll('[role="dialog"]'))
const dialogFor = (connectorId: string) =>
  dialogs().find((dialog) => {
    const src = frameIn(dialog)?.src
    return src !== undefined && new URL(src).origin === originOf(connectorId)
  })

/** Asks the puppet frame to post an exit (default ExitSuccess) with `fields`. */
function puppetExit(frame: HTMLIFrameElement, fields: Record<string, unknown> = {}): void {
  frame.contentWindow?.postMessage({ fixture: 'exit', ...fields }, new URL(frame.src).origin)
}

/** Lets MutationObserver callbacks queued by a DOM change run (they are microtasks). */
const mutationsDelivered = () => Promise.resolve()

describe('data-quiltt-button', () => {
  test('a click opens the modal; quiltt:* events bubble to document with { metadata } / { type, metadata }', async () => {
    const seen = listenAtDocument()
    const { root } = bindRoot()
    const { connectorId, attributes } = quilttAttributes('button')
    const button = element('button', attributes)
    root.append(button)
    await mutationsDelivered()
    expect(dialogs()).toHaveLength(0)

    button.click()
    const opened = await waitForEvent(seen, 'open', button)
    expect(opened.bubbles).toBe(true)
    expect(opened.detail).toEqual({ metadata: { connectorId } })
    const dialog = dialogFor(connectorId)
    expect(dialog).toBeDefined()

    const loaded = await waitForEvent(seen, 'load', button)
    expect(loaded.detail).toEqual({ metadata: { connectorId } })

    puppetExit(frameIn(dialog!)!, { connectionId: 'conn_7', profileId: 'p_7' })
    const metadata = { connectorId, connectionId: 'conn_7', profileId: 'p_7' }
    const success = await waitForEvent(seen, 'exit-success', button)
    expect(success.detail).toEqual({ metadata })
    const exit = await waitForEvent(seen, 'exit', button)
    expect(exit.detail).toEqual({ type: 'exited.successful', metadata })
    expect(seen.map((event) => event.name)).toEqual(['open', 'load', 'exit-success', 'exit'])
    expect(seen.every((event) => event.bubbles && event.target === button)).toBe(true)
    // A modal closes itself after an exit.
    expect(dialogFor(connectorId)).toBeUndefined()
  })

  test('data-quiltt-transport="script" drives connector.js instead of an iframe', async () => {
    const seen = listenAtDocument()
    const config = authorConfig({ scriptUrl: scriptUrl() })
    const { root } = bindRoot(config)
    const { connectorId, attributes } = quilttAttributes('button', {
      'data-quiltt-transport': 'script',
      'data-quiltt-institution': 'Chase',
    })
    const { token } = config
    const button = element('button', attributes)
    root.append(button)
    await mutationsDelivered()

    button.click()
    await waitForQuilttOpen(connectorId)
    emit(connectorId, 'Load', { profileId: 'p_1' })
    const loaded = await waitForEvent(seen, 'load', button)
    expect(loaded.detail).toEqual({ metadata: { connectorId, profileId: 'p_1' } })
    expect(steps()).toEqual([
      ['authenticate', token],
      ['connect', connectorId, { institution: 'Chase' }],
      ['open', connectorId],
    ])
    expect(document.querySelector('iframe')).toBeNull()
    expect(dialogs()).toHaveLength(0)
  })
})

describe('nested bound elements', () => {
  test('a click on a bound button inside another bound element opens one dialog, the inner one', async () => {
    const seen = listenAtDocument()
    const { root } = bindRoot()
    const outer = element('div', quilttAttributes('button').attributes)
    const { connectorId, attributes } = quilttAttributes('button')
    const inner = element('button', attributes)
    outer.append(inner)
    root.append(outer)
    await mutationsDelivered()

    inner.click()
    await waitForEvent(seen, 'load', inner)
    expect(dialogs()).toHaveLength(1)
    expect(dialogFor(connectorId)).toBeDefined()
    expect(seen.filter((event) => event.name === 'open').map((event) => event.target)).toEqual([
      inner,
    ])
  })
})

describe('data-quiltt-container', () => {
  test('mounts inline right away; connection and institution reach the iframe URL', async () => {
    const seen = listenAtDocument()
    const root = adopt(document.createElement('section'))
    const { connectorId, attributes } = quilttAttributes('container', {
      'data-quiltt-connection': 'conn_55',
      'data-quiltt-institution': 'First Bank',
    })
    const container = element('div', attributes)
    root.append(container)
    const config = authorConfig()
    onCleanup(autoBind(root, config))

    // No click needed: the Connector mounts as soon as the element is bound.
    const frame = await vi.waitFor(() => {
      const found = frameIn(container)
      if (!found) throw new Error('no inline iframe yet')
      return found
    }, WAIT)
    const src = new URL(frame!.src)
    expect(src.origin).toBe(originOf(connectorId))
    expect(src.searchParams.get('connectionId')).toBe('conn_55')
    expect(src.searchParams.get('institution')).toBe('First Bank')
    expect(src.searchParams.get('token')).toBe(config.token)

    await waitForEvent(seen, 'load', container)
    puppetExit(frame!, { type: 'ExitAbort' })
    const exit = await waitForEvent(seen, 'exit', container)
    expect(exit.detail).toEqual({ type: 'exited.aborted', metadata: { connectorId } })
    expect(seen.some((event) => event.name === 'exit-abort' && event.target === container)).toBe(
      true,
    )
    // An inline iframe stays after the exit.
    expect(frameIn(container)).toBe(frame)
  })
})

describe('elements added and removed later', () => {
  test('an element appended after autoBind is bound', async () => {
    const seen = listenAtDocument()
    const { root } = bindRoot()
    const { attributes } = quilttAttributes('container')
    const container = element('div', attributes)
    const wrapper = document.createElement('div')
    wrapper.append(container)
    root.append(wrapper)
    await vi.waitFor(() => expect(frameIn(container)).not.toBeNull(), WAIT)
    await waitForEvent(seen, 'load', container)

    const { connectorId, attributes: buttonAttributes } = quilttAttributes('button')
    const button = element('button', buttonAttributes)
    root.append(button)
    await mutationsDelivered()
    button.click()
    await waitForEvent(seen, 'load', button)
    expect(dialogFor(connectorId)).toBeDefined()
  })

  test("a removed element's connector is destroyed: modal gone, iframe taken out, no more events", async () => {
    const seen = listenAtDocument()
    const { root } = bindRoot()
    const button = element('button', quilttAttributes('button').attributes)
    const buttonId = button.dataset.quilttButton!
    const container = element('div', quilttAttributes('container').attributes)
    root.append(button, container)
    await mutationsDelivered()
    button.click()
    await waitForEvent(seen, 'load', button)
    await waitForEvent(seen, 'load', container)
    const inlineFrame = frameIn(container)!
    expect(dialogFor(buttonId)).toBeDefined()

    button.remove()
    container.remove()
    await vi.waitFor(() => expect(dialogFor(buttonId)).toBeUndefined(), WAIT)
    // destroy() took the inline iframe out of its (now detached) container too.
    expect(frameIn(container)).toBeNull()
    expect(inlineFrame.isConnected).toBe(false)

    // Put back, the button gets one fresh binding: a click opens exactly one Connector, and only
    // the new connector reports (the old one's click listener is gone).
    const before = seen.length
    root.append(button)
    await mutationsDelivered()
    button.click()
    await vi.waitFor(() => {
      expect(seen.slice(before).map((event) => event.name)).toEqual(['open', 'load'])
    }, WAIT)
    expect(dialogs()).toHaveLength(1)
    expect(dialogFor(buttonId)).toBeDefined()
  })
})

describe('token: { url } (data-token-url on the script tag)', () => {
  test('same-origin POST of {} as JSON, cookies same-origin, redirects refused; the JSON token opens the Connector', async () => {
    const token = makeToken()
    const requests = answerTokenRequests(() => Response.json({ token }), onCleanup)
    const seen = listenAtDocument()
    const { root } = bindRoot(authorConfig({ token: { url: '/api/quiltt/session' } }))
    const { connectorId, attributes } = quilttAttributes('button')
    const button = element('button', attributes)
    root.append(button)
    await mutationsDelivered()
    expect(requests).toEqual([])

    button.click()
    await waitForEvent(seen, 'load', button)
    expect(requests).toEqual([
      {
        url: `${location.origin}/api/quiltt/session`,
        method: 'POST',
        credentials: 'same-origin',
        redirect: 'error',
        sent: { body: '{}', contentType: 'application/json', integrity: '', mode: 'cors' },
      },
    ])
    const src = new URL(frameIn(dialogFor(connectorId)!)!.src)
    expect(src.searchParams.get('token')).toBe(token)
  })

  test('asked again at every cold open: a second click after an exit gets a new token', async () => {
    const tokens: string[] = []
    const requests = answerTokenRequests(() => {
      tokens.push(makeToken())
      return Response.json({ token: tokens.at(-1) })
    }, onCleanup)
    const seen = listenAtDocument()
    const { root } = bindRoot(authorConfig({ token: { url: '/api/quiltt/session' } }))
    const { connectorId, attributes } = quilttAttributes('button')
    const button = element('button', attributes)
    root.append(button)
    await mutationsDelivered()

    button.click()
    await waitForEvent(seen, 'load', button)
    puppetExit(frameIn(dialogFor(connectorId)!)!)
    await waitForEvent(seen, 'exit-success', button)
    await vi.waitFor(() => expect(dialogFor(connectorId)).toBeUndefined(), WAIT)
    button.click()
    await vi.waitFor(() => {
      expect(seen.filter((event) => event.name === 'load')).toHaveLength(2)
    }, WAIT)
    expect(requests).toHaveLength(2)
    expect(new URL(frameIn(dialogFor(connectorId)!)!.src).searchParams.get('token')).toBe(tokens[1])
  })

  test('a polluted Object.prototype changes no body, integrity or mode of the token request', async () => {
    const proto = Object.prototype as Record<string, unknown>
    const polluted = { body: '{"userId":"p_attacker"}', integrity: 'sha256-x', mode: 'no-cors' }
    const token = makeToken()
    const requests = answerTokenRequests(() => Response.json({ token }), onCleanup)
    const seen = listenAtDocument()
    const { root } = bindRoot(authorConfig({ token: { url: '/api/quiltt/session' } }))
    const { attributes } = quilttAttributes('button')
    const button = element('button', attributes)
    root.append(button)
    await mutationsDelivered()
    Object.assign(proto, polluted)
    try {
      button.click()
      await vi.waitFor(() => expect(requests).toHaveLength(1), WAIT)
    } finally {
      for (const key of Object.keys(polluted)) delete proto[key]
    }
    expect(requests[0]!.sent).toEqual({
      body: '{}',
      contentType: 'application/json',
      integrity: '',
      mode: 'cors',
    })
    await waitForEvent(seen, 'load', button)
  })

  test.each([
    ['HTTP 500', () => Response.json({ error: 'boom' }, { status: 500 })],
    [
      'a non-JSON body',
      () => new Response('<html>Sign in</html>', { headers: { 'Content-Type': 'text/html' } }),
    ],
    ['JSON without a string token', () => Response.json({ token: 42 })],
    ['JSON without a token', () => Response.json({ session: 'x' })],
  ])('%s → quiltt:error with TOKEN_PROVIDER_FAILED', async (_, answer) => {
    const requests = answerTokenRequests(answer, onCleanup)
    const seen = listenAtDocument()
    const { root } = bindRoot(authorConfig({ token: { url: '/api/quiltt/session' } }))
    const { connectorId, attributes } = quilttAttributes('button')
    const button = element('button', attributes)
    root.append(button)
    await mutationsDelivered()

    button.click()
    const failed = await waitForEvent(seen, 'error', button)
    expect(requests).toHaveLength(1)
    const error = failed.detail.error
    expect(error).toBeInstanceOf(ConnectorError)
    expect((error as ConnectorError).code).toBe('TOKEN_PROVIDER_FAILED')
    expect((error as ConnectorError).message).toContain('/api/quiltt/session')
    expect(dialogFor(connectorId)).toBeUndefined()
    expect(seen.map((event) => event.name)).toEqual(['error'])
  })

  test("a non-2xx answer names the status and the server's code, and nothing else from the body", async () => {
    answerTokenRequests(
      () =>
        Response.json(
          { code: 'RATE_LIMITED', message: 'Too many sessions for p_secret_profile' },
          { status: 429 },
        ),
      onCleanup,
    )
    const seen = listenAtDocument()
    const { root } = bindRoot(authorConfig({ token: { url: '/api/quiltt/session' } }))
    const button = element('button', quilttAttributes('button').attributes)
    root.append(button)
    await mutationsDelivered()
    button.click()
    const failed = await waitForEvent(seen, 'error', button)
    const error = failed.detail.error as ConnectorError
    expect(error.code).toBe('TOKEN_PROVIDER_FAILED')
    expect(error.message).toContain('the token URL answered 429 (RATE_LIMITED)')
    expect(error.message).not.toContain('p_secret_profile')
  })

  test('a cross-origin token URL is refused at bind time with INVALID_OPTIONS', async () => {
    const requests = answerTokenRequests(() => Response.json({ token: makeToken() }), onCleanup)
    const seen = listenAtDocument()
    const root = adopt(document.createElement('section'))
    const button = element('button', quilttAttributes('button').attributes)
    root.append(button)
    onCleanup(autoBind(root, authorConfig({ token: { url: `${originOf('evil')}/session` } })))

    expect(seen.map((event) => [event.name, event.target])).toEqual([['error', button]])
    const error = seen[0]!.detail.error as ConnectorError
    expect(error).toBeInstanceOf(ConnectorError)
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toMatch(/data-token-url/)
    button.click()
    await mutationsDelivered()
    expect(requests).toEqual([])
    expect(dialogs()).toHaveLength(0)
  })
})

test('without a configured token → quiltt:error INVALID_OPTIONS at bind time, naming where it goes', () => {
  const seen = listenAtDocument()
  const root = adopt(document.createElement('section'))
  const button = element('button', { 'data-quiltt-button': unique('ab') })
  root.append(button)
  onCleanup(autoBind(root, { connectorUrl }))

  expect(seen).toHaveLength(1)
  expect(seen[0]).toMatchObject({ name: 'error', target: button, bubbles: true })
  const error = seen[0]!.detail.error as ConnectorError
  expect(error).toBeInstanceOf(ConnectorError)
  expect(error.code).toBe('INVALID_OPTIONS')
  expect(error.message).toMatch(/data-token-url/)
})

test('the function autoBind returns unbinds everything', async () => {
  const seen = listenAtDocument()
  const { root, unbind } = bindRoot()
  const { attributes: buttonAttributes } = quilttAttributes('button')
  const button = element('button', buttonAttributes)
  const container = element('div', quilttAttributes('container').attributes)
  root.append(button, container)
  await waitForEvent(seen, 'load', container)

  unbind()
  // Inline iframes are removed at once.
  expect(frameIn(container)).toBeNull()
  const before = seen.length

  // A control root that stays bound proves clicks and mutations had time to be handled.
  const control = bindRoot()
  const controlButton = element('button', quilttAttributes('button').attributes)
  const lateContainer = element('div', quilttAttributes('container').attributes)
  const controlContainer = element('div', quilttAttributes('container').attributes)
  control.root.append(controlButton, controlContainer)
  root.append(lateContainer)
  await mutationsDelivered()
  button.click()
  controlButton.click()
  await waitForEvent(seen, 'load', controlButton)
  await waitForEvent(seen, 'load', controlContainer)

  expect(frameIn(lateContainer)).toBeNull()
  // The one dialog is the control button's.
  expect(dialogs()).toHaveLength(1)
  const unbound = new Set<EventTarget>([button, container, lateContainer])
  expect(seen.slice(before).filter((event) => event.target && unbound.has(event.target))).toEqual(
    [],
  )
})
