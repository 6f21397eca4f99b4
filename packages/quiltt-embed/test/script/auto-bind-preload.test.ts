// data-quiltt-preload (SPEC §3.5): `hover` prepares the Connector on the first pointerenter or
// focus, `visible` when the element first scrolls into view (IntersectionObserver, disconnected
// on unbind), `eager` at bind; at most once per binding until the next open. The token provider
// is the page author's (autoBind config): counting its calls counts the SDK's attempts.
import { afterEach, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { autoBind, type ConnectorError } from '../../src/index'
import { adopt, cleanup, connectorUrl, makeToken, onCleanup, requestCount, unique } from './helpers'

afterEach(cleanup)

const WAIT = { timeout: 5000 }

/** The page author's token provider; `fail` makes it reject (a preload that fails). */
function provider({ fail = false } = {}) {
  let calls = 0
  const token = () => {
    calls++
    return fail ? Promise.reject(new Error('offline')) : makeToken()
  }
  return { token, calls: () => calls }
}

/** A bound `data-quiltt-button` with `data-quiltt-preload=mode`, in a root of its own. */
function bindButton(mode: string, token: () => string | Promise<string>, before?: Element) {
  const root = adopt(document.createElement('section'))
  if (before) root.append(before)
  const button = document.createElement('button')
  button.textContent = 'Link your bank'
  button.dataset.quilttButton = unique('pre')
  button.dataset.quilttPreload = mode
  root.append(button)
  const events: string[] = []
  for (const name of ['open', 'load', 'error'])
    root.addEventListener(`quiltt:${name}`, (event) => {
      const error = (event as CustomEvent<{ error?: ConnectorError }>).detail.error
      events.push(error ? `${name}:${error.code}` : name)
    })
  const unbind = autoBind(root, { token, connectorUrl })
  onCleanup(unbind)
  return { root, button, events, unbind }
}

const frames = () => Array.from(document.querySelectorAll('iframe'))
const dialogOf = (frame: HTMLIFrameElement) => frame.closest('[role="dialog"]') as HTMLElement

/** Waits for the one prepared (hidden) Connector frame. */
async function preparedFrame(): Promise<HTMLIFrameElement> {
  return vi.waitFor(() => {
    const [frame, ...more] = frames()
    expect(more).toEqual([])
    expect(frame).toBeDefined()
    expect(getComputedStyle(dialogOf(frame!)).visibility).toBe('hidden')
    // Loaded: the loading indicator goes on Load.
    expect(dialogOf(frame!).querySelector('[role="status"]')).toBeNull()
    return frame!
  }, WAIT)
}

test('hover: the first pointerenter prepares it hidden; the click shows that frame, not reloaded', async () => {
  const author = provider()
  const { button, events } = bindButton('hover', author.token)
  expect(author.calls()).toBe(0)
  await userEvent.hover(button)
  const frame = await preparedFrame()
  expect(events).toEqual([])

  await userEvent.click(button)
  await vi.waitFor(() => expect(events).toEqual(['open', 'load']), WAIT)
  expect(frames()).toEqual([frame])
  expect(getComputedStyle(dialogOf(frame)).visibility).toBe('visible')
  expect(author.calls()).toBe(1)
  expect(await requestCount(frame.src)).toBe(1)
})

test('hover: focus by Tab prepares it too', async () => {
  const author = provider()
  const before = document.createElement('button')
  before.textContent = 'before'
  const { button } = bindButton('hover', author.token, before)
  before.focus()
  await userEvent.tab()
  expect(document.activeElement).toBe(button)
  await preparedFrame()
  expect(author.calls()).toBe(1)
})

test('hover: at most one preload per binding until the next open, then again', async () => {
  // A failing provider: every attempt reaches it, and a failed preload leaves nothing prepared,
  // so only the binding's own rule can stop a second one.
  const author = provider({ fail: true })
  const { button, events } = bindButton('hover', author.token)
  await userEvent.hover(button)
  await vi.waitFor(() => expect(author.calls()).toBe(1))
  await userEvent.unhover(button)
  await userEvent.hover(button)
  button.focus()
  button.blur()
  button.focus()
  // The click's open() is a cold open: one more call, and its failure is reported.
  await userEvent.click(button)
  await vi.waitFor(() => expect(events).toEqual(['error:TOKEN_PROVIDER_FAILED']), WAIT)
  expect(author.calls()).toBe(2)
  // The preload itself failed silently: the only error is the open's.
  await userEvent.unhover(button)
  await userEvent.hover(button)
  await vi.waitFor(() => expect(author.calls()).toBe(3))
})

test('eager: prepared at bind, without any event', async () => {
  const author = provider()
  const { events } = bindButton('eager', author.token)
  await preparedFrame()
  expect(author.calls()).toBe(1)
  expect(events).toEqual([])
})

/** An IntersectionObserver of our own on `element`: resolves its first report. */
function nextIntersection(element: Element): Promise<boolean> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(([entry]) => {
      observer.disconnect()
      resolve(entry?.isIntersecting ?? false)
    })
    observer.observe(element)
  })
}

/** A spacer pushing whatever follows it below the fold. */
function spacer(): HTMLElement {
  const node = document.createElement('div')
  node.style.height = `${innerHeight * 3}px`
  return node
}

test('visible: nothing while below the fold; prepared once scrolled into view', async () => {
  const author = provider()
  const { button } = bindButton('visible', author.token, spacer())
  // Our observer reports in the same update as the SDK's: out of view, so no preload yet.
  expect(await nextIntersection(button)).toBe(false)
  expect(author.calls()).toBe(0)
  button.scrollIntoView()
  await preparedFrame()
  expect(author.calls()).toBe(1)
  scrollTo(0, 0)
  button.scrollIntoView()
  expect(await nextIntersection(button)).toBe(true)
  expect(author.calls()).toBe(1)
  scrollTo(0, 0)
})

test('visible: the IntersectionObserver is disconnected on unbind', async () => {
  const live = new Set<IntersectionObserver>()
  const Original = window.IntersectionObserver
  // Tracks which observers still observe something; the observing itself is the browser's.
  window.IntersectionObserver = class extends Original {
    override observe(target: Element) {
      live.add(this)
      super.observe(target)
    }
    override disconnect() {
      live.delete(this)
      super.disconnect()
    }
  }
  onCleanup(() => {
    window.IntersectionObserver = Original
  })
  const author = provider()
  const { button, unbind } = bindButton('visible', author.token, spacer())
  expect(live.size).toBe(1)
  unbind()
  expect(live.size).toBe(0)
  button.scrollIntoView()
  expect(await nextIntersection(button)).toBe(true)
  expect(author.calls()).toBe(0)
  scrollTo(0, 0)
})

test('an unknown data-quiltt-preload value is refused at bind time', () => {
  const { events } = bindButton('always', provider().token)
  expect(events).toEqual(['error:INVALID_OPTIONS'])
})
