// Quiltt's own markup (SPEC §3.5): pages written for Quiltt's connector.js mark elements with
// `quiltt-button`, `quiltt-container`, `quiltt-connection`, `quiltt-institution` and
// `quiltt-theme-mode`, without `data-`. autoBind reads them as the data-quiltt-* forms (the
// `data-` form wins on one element), refuses `quiltt-app-launcher-uri` like the other URL
// attributes, and leaves that markup to connector.js whenever the page has it, so one click never
// opens two Connectors. Real Chromium; the puppet Connector and the stand-in connector.js come
// from ./fixture-server/.
import { afterEach, describe, expect, test, vi } from 'vitest'
import { autoBind, type ConnectorError } from '../../src/index'
import {
  adopt,
  cleanup,
  connectorUrl,
  makeToken,
  onCleanup,
  originOf,
  release,
  scriptUrl,
  unique,
  waitForQuilttOpen,
} from './helpers'

afterEach(cleanup)

const WAIT = { timeout: 5000 }
const dialogs = () => Array.from(document.querySelectorAll('[role="dialog"]'))
const frames = () => Array.from(document.querySelectorAll('iframe'))
const mutationsDelivered = () => Promise.resolve()

function element(tag: string, attributes: Record<string, string>): HTMLElement {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  return node
}

/** autoBind over a root of this test's own, with the page author's token and Connector URL. */
function bindRoot(...children: HTMLElement[]): HTMLElement {
  const root = adopt(document.createElement('section'))
  root.append(...children)
  onCleanup(autoBind(root, { token: makeToken(), connectorUrl }))
  return root
}

/** The Connector URL our iframe for `connectorId` loads, once it is there. */
const frameUrl = (connectorId: string) =>
  vi.waitFor(() => {
    const frame = frames().find((each) => new URL(each.src).origin === originOf(connectorId))
    if (!frame) throw new Error(`no iframe for ${connectorId} yet`)
    return new URL(frame.src)
  }, WAIT)

/** Every quiltt:error that reaches `document`, with its target. */
function errorsAtDocument(): { target: EventTarget | null; error: ConnectorError }[] {
  const seen: { target: EventTarget | null; error: ConnectorError }[] = []
  const listener = (event: Event) => {
    event.preventDefault()
    seen.push({ target: event.target, error: (event as CustomEvent).detail.error })
  }
  document.addEventListener('quiltt:error', listener)
  onCleanup(() => document.removeEventListener('quiltt:error', listener))
  return seen
}

describe("Quiltt's attribute names", () => {
  test('quiltt-button with quiltt-connection, quiltt-institution and quiltt-theme-mode opens the Connector with them', async () => {
    const connectorId = unique('qm')
    const button = element('button', {
      'quiltt-button': connectorId,
      'quiltt-connection': 'conn_42',
      'quiltt-institution': 'Sandbox Bank',
      'quiltt-theme-mode': 'dark',
    })
    bindRoot(button)
    button.click()
    const url = await frameUrl(connectorId)
    expect(dialogs()).toHaveLength(1)
    expect(url.searchParams.get('connectionId')).toBe('conn_42')
    expect(url.searchParams.get('institution')).toBe('Sandbox Bank')
    expect(url.searchParams.get('theme_mode')).toBe('dark')
  })

  test('quiltt-container mounts the Connector inline', async () => {
    const connectorId = unique('qm')
    const container = element('div', { 'quiltt-container': connectorId })
    bindRoot(container)
    await frameUrl(connectorId)
    expect(container.querySelector('iframe')).not.toBeNull()
    expect(dialogs()).toHaveLength(0)
  })

  test('on one element the data- form wins, name by name', async () => {
    const [ours, theirs] = [unique('qm'), unique('qm')]
    const button = element('button', {
      'data-quiltt-button': ours,
      'quiltt-button': theirs,
      'data-quiltt-institution': 'From data',
      'quiltt-institution': 'From Quiltt',
      'quiltt-theme-mode': 'dark',
      'data-quiltt-theme-mode': 'light',
      // Only the un-prefixed form is given: it is read.
      'quiltt-connection': 'conn_7',
    })
    bindRoot(button)
    button.click()
    const url = await frameUrl(ours)
    expect(url.searchParams.get('institution')).toBe('From data')
    expect(url.searchParams.get('theme_mode')).toBe('light')
    expect(url.searchParams.get('connectionId')).toBe('conn_7')
    expect(frames().some((frame) => new URL(frame.src).origin === originOf(theirs))).toBe(false)
  })

  test('an invalid quiltt-theme-mode is refused like the data- form', async () => {
    const errors = errorsAtDocument()
    const button = element('button', { 'quiltt-button': unique('qm'), 'quiltt-theme-mode': 'neon' })
    bindRoot(button)
    expect(errors.map(({ target, error }) => [target, error.code])).toEqual([
      [button, 'INVALID_OPTIONS'],
    ])
  })
})

describe('where the user is sent back is not for markup to say', () => {
  test.each([
    ['quiltt-app-launcher-uri', 'quiltt-button'],
    ['quiltt-app-launcher-uri', 'data-quiltt-button'],
    ['data-quiltt-app-launcher-url', 'data-quiltt-button'],
    ['data-quiltt-app-launcher-url', 'quiltt-container'],
  ])(
    '%s on a %s element: not bound, quiltt:error names appLauncherUrl in code',
    async (attribute, kind) => {
      const errors = errorsAtDocument()
      const target = element('div', {
        [kind]: unique('qm'),
        [attribute]: 'https://evil.example/back',
      })
      bindRoot(target)
      expect(errors).toHaveLength(1)
      const [{ target: at, error }] = errors as [(typeof errors)[0]]
      expect(at).toBe(target)
      expect(error.code).toBe('INVALID_OPTIONS')
      expect(error.message).toContain(attribute)
      expect(error.message).toContain('appLauncherUrl')
      target.click()
      await mutationsDelivered()
      expect(dialogs()).toHaveLength(0)
      expect(frames()).toHaveLength(0)
    },
  )
})

describe("with Quiltt's connector.js on the page, its markup is its own", () => {
  test('while window.Quiltt exists, quiltt-button and quiltt-container are left alone; data-quiltt-* still bind', async () => {
    // connector.js's own global, as it defines it.
    Object.defineProperty(window, 'Quiltt', { value: {}, configurable: true, writable: true })
    const theirs = element('button', { 'quiltt-button': unique('qm') })
    const theirContainer = element('div', { 'quiltt-container': unique('qm') })
    const ours = element('button', { 'data-quiltt-button': unique('qm') })
    bindRoot(theirs, theirContainer, ours)
    theirs.click()
    await mutationsDelivered()
    expect(dialogs()).toHaveLength(0)
    expect(frames()).toHaveLength(0)
    ours.click()
    await vi.waitFor(() => expect(dialogs()).toHaveLength(1), WAIT)
  })

  test('while a connector.js tag is still loading, quiltt-button is left alone', async () => {
    const key = unique('hold')
    const tag = adopt(document.createElement('script'), document.head)
    tag.src = scriptUrl({ hold: key })
    const button = element('button', { 'quiltt-button': unique('qm') })
    bindRoot(button)
    button.click()
    await mutationsDelivered()
    expect(dialogs()).toHaveLength(0)
    await release(key)
  })

  test('a quiltt-button bound before connector.js arrived stands down once it has (our script transport loads it)', async () => {
    const theirs = element('button', { 'quiltt-button': unique('qm') })
    const loader = element('button', {
      'data-quiltt-button': unique('qm'),
      'data-quiltt-transport': 'script',
    })
    const root = adopt(document.createElement('section'))
    root.append(theirs, loader)
    onCleanup(
      autoBind(root, {
        token: makeToken(),
        connectorUrl,
        scriptUrl: scriptUrl({ autoload: '1' }),
      }),
    )
    // Bound now: a click opens our Connector, then the user closes it.
    theirs.click()
    await vi.waitFor(() => expect(dialogs()).toHaveLength(1), WAIT)
    const close = dialogs()[0]!.querySelector('button')!
    close.click()
    await vi.waitFor(() => expect(dialogs()).toHaveLength(0), WAIT)

    // The page now loads connector.js (here through our script transport), which binds
    // quiltt-button itself: our binding must not open a second Connector on the next click.
    loader.click()
    await waitForQuilttOpen(loader.getAttribute('data-quiltt-button')!)
    theirs.click()
    await mutationsDelivered()
    expect(dialogs()).toHaveLength(0)
    expect(frames()).toHaveLength(0)
  })
})
