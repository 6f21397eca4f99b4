// autoBind's trust model (SPEC §3.5) in real Chromium: markup chooses only what to open; where a
// token comes from or goes is the page author's configuration. Injected markup carrying a URL or
// a token is not bound, and gets a quiltt:error that says where the setting belongs.
import { afterEach, describe, expect, test, vi } from 'vitest'
import { autoBind, type ConnectorError } from '../../src/index'
import { adopt, cleanup, connectorUrl, makeToken, onCleanup, originOf, unique } from './helpers'

afterEach(cleanup)

const dialogs = () => document.querySelectorAll('[role="dialog"]')
const mutationsDelivered = () => Promise.resolve()

function element(tag: string, attributes: Record<string, string>): HTMLElement {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  return node
}

/** Every quiltt:error that reaches `document`, with its target. */
function errorsAtDocument(): { target: EventTarget | null; error: ConnectorError }[] {
  const seen: { target: EventTarget | null; error: ConnectorError }[] = []
  const listener = (event: Event) =>
    seen.push({ target: event.target, error: (event as CustomEvent).detail.error })
  document.addEventListener('quiltt:error', listener)
  onCleanup(() => document.removeEventListener('quiltt:error', listener))
  return seen
}

/** Counts what the SDK would fetch: nothing at all must be requested for refused markup. */
function countFetches(): string[] {
  const urls: string[] = []
  const original = window.fetch
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(String(input instanceof Request ? input.url : input))
    return original(input, init)
  }) as typeof fetch
  onCleanup(() => {
    window.fetch = original
  })
  return urls
}

describe('URL and token attributes in markup', () => {
  test.each([
    ['data-quiltt-token', () => makeToken(), 'token'],
    ['data-quiltt-token-url', () => '/api/signout', 'data-token-url'],
    ['data-quiltt-connector-url', () => originOf('evil'), 'data-connector-url'],
    ['data-quiltt-script-url', () => `${originOf('evil')}/x.js`, 'data-script-url'],
  ])(
    '%s: the element is not bound and gets quiltt:error naming where it belongs',
    async (attribute, value, home) => {
      const errors = errorsAtDocument()
      const fetches = countFetches()
      const root = adopt(document.createElement('section'))
      const button = element('button', { 'data-quiltt-button': unique('ab'), [attribute]: value() })
      const container = element('div', {
        'data-quiltt-container': unique('ab'),
        [attribute]: value(),
      })
      root.append(button, container)
      onCleanup(autoBind(root, { token: makeToken(), connectorUrl }))

      expect(errors.map((seen) => seen.target)).toEqual([button, container])
      for (const { error } of errors) {
        expect(error.code).toBe('INVALID_OPTIONS')
        expect(error.message).toContain(attribute)
        expect(error.message).toContain(home)
      }
      button.click()
      await mutationsDelivered()
      expect(dialogs()).toHaveLength(0)
      expect(container.querySelector('iframe')).toBeNull()
      expect(fetches).toEqual([])
    },
  )
})

describe('connectorIds', () => {
  test('markup naming another Connector ID is not bound; an allowed one is', async () => {
    const errors = errorsAtDocument()
    const allowed = unique('ab')
    const root = adopt(document.createElement('section'))
    const other = element('div', { 'data-quiltt-container': unique('ab') })
    const mine = element('div', { 'data-quiltt-container': allowed })
    root.append(other, mine)
    onCleanup(autoBind(root, { token: makeToken(), connectorUrl, connectorIds: [allowed] }))

    expect(errors.map((seen) => [seen.target, seen.error.code])).toEqual([
      [other, 'INVALID_OPTIONS'],
    ])
    await vi.waitFor(() => expect(mine.querySelector('iframe')).not.toBeNull())
    expect(other.querySelector('iframe')).toBeNull()
  })
})

describe('data-quiltt-transport', () => {
  test.each(['carrier-pigeon', 'IFRAME', '__proto__', 'constructor'])(
    '%j is INVALID_OPTIONS',
    (value) => {
      const errors = errorsAtDocument()
      const root = adopt(document.createElement('section'))
      const button = element('button', {
        'data-quiltt-button': unique('ab'),
        'data-quiltt-transport': value,
      })
      root.append(button)
      onCleanup(autoBind(root, { token: makeToken(), connectorUrl }))
      expect(errors.map((seen) => [seen.target, seen.error.code])).toEqual([
        [button, 'INVALID_OPTIONS'],
      ])
      expect(errors[0]!.error.message).toContain('iframe or script')
    },
  )
})

describe('autoBind is idempotent', () => {
  test('binding the same root twice binds each element once: one click, one dialog', async () => {
    const root = adopt(document.createElement('section'))
    const button = element('button', { 'data-quiltt-button': unique('ab') })
    root.append(button)
    const config = { token: makeToken(), connectorUrl }
    onCleanup(autoBind(root, config))
    onCleanup(autoBind(root, config))
    const opened: Event[] = []
    button.addEventListener('quiltt:open', (event) => opened.push(event))

    button.click()
    await vi.waitFor(() => expect(opened).toHaveLength(1))
    await vi.waitFor(() => expect(document.querySelector('[role="dialog"] iframe')).not.toBeNull())
    expect(dialogs()).toHaveLength(1)
  })

  test('binding a subtree of a bound root (and the document) binds nothing twice', async () => {
    const root = adopt(document.createElement('section'))
    const inner = document.createElement('div')
    const container = element('div', { 'data-quiltt-container': unique('ab') })
    inner.append(container)
    root.append(inner)
    const config = { token: makeToken(), connectorUrl }
    onCleanup(autoBind(root, config))
    onCleanup(autoBind(inner, config))
    onCleanup(autoBind(container, config))
    await vi.waitFor(() => expect(container.querySelector('iframe')).not.toBeNull())
    await mutationsDelivered()
    expect(container.querySelectorAll('iframe')).toHaveLength(1)
  })

  test('after the first binding is undone, a later autoBind binds the element again', async () => {
    const root = adopt(document.createElement('section'))
    const container = element('div', { 'data-quiltt-container': unique('ab') })
    root.append(container)
    const config = { token: makeToken(), connectorUrl }
    const unbind = autoBind(root, config)
    await vi.waitFor(() => expect(container.querySelector('iframe')).not.toBeNull())
    unbind()
    expect(container.querySelector('iframe')).toBeNull()
    onCleanup(autoBind(root, config))
    await vi.waitFor(() => expect(container.querySelector('iframe')).not.toBeNull())
  })
})

describe('a polluted Object.prototype', () => {
  test('configures nothing: no token, URL or allowlist is inherited', async () => {
    const errors = errorsAtDocument()
    const fetches = countFetches()
    const polluted = Object.prototype as Record<string, unknown>
    polluted.token = { url: '/api/signout' }
    polluted.connectorUrl = `http://{connectorId}.evil.localhost:1`
    polluted.url = '/api/signout'
    onCleanup(() => {
      delete polluted.token
      delete polluted.connectorUrl
      delete polluted.url
    })
    const root = adopt(document.createElement('section'))
    const container = element('div', { 'data-quiltt-container': unique('ab') })
    root.append(container)
    onCleanup(autoBind(root, {}))

    expect(errors.map((seen) => [seen.target, seen.error.code])).toEqual([
      [container, 'INVALID_OPTIONS'],
    ])
    expect(errors[0]!.error.message).toContain('data-token-url')
    await mutationsDelivered()
    expect(fetches).toEqual([])
    expect(container.querySelector('iframe')).toBeNull()
  })

  test('{ url } is read as an own property: an inherited url is not a token URL', () => {
    const errors = errorsAtDocument()
    const fetches = countFetches()
    const polluted = Object.prototype as Record<string, unknown>
    polluted.url = '/api/signout'
    onCleanup(() => {
      delete polluted.url
    })
    const root = adopt(document.createElement('section'))
    const container = element('div', { 'data-quiltt-container': unique('ab') })
    root.append(container)
    onCleanup(autoBind(root, { token: {} as { url: string }, connectorUrl }))
    expect(errors.map((seen) => seen.error.code)).toEqual(['INVALID_OPTIONS'])
    expect(fetches).toEqual([])
  })
})
