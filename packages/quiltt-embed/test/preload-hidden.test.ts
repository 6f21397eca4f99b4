// A prepared Connector (SPEC §3.6) is in the page, loaded, but not part of it for the user: not
// visible, not reachable by Tab, not announced, no scroll lock, nothing moves, and clicks go to
// what is under it. Both shapes are covered: the modal (overlay in document.body) and inline (in
// the container, fixed so it takes no room until shown).
import axe from 'axe-core'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import type { Connector } from '../src/index'
import { adopt, cleanup, create, makeContainer } from './helpers'
import { box, outermost, theFrame } from './preload-helpers'

const html = () => document.documentElement
let pageStyles: string[] = []
beforeEach(() => {
  pageStyles = [html().style.cssText, document.body.style.cssText]
})
afterEach(() => {
  cleanup()
  html().style.cssText = pageStyles[0] ?? ''
  document.body.style.cssText = pageStyles[1] ?? ''
})

function button(text: string, css = ''): HTMLButtonElement {
  const node = adopt(document.createElement('button'))
  node.textContent = text
  node.style.cssText = css
  return node
}

/** Page content around an inline container: a button, the container, text, another button. */
function pageWithContainer() {
  const first = button('first')
  const container = makeContainer()
  const text = adopt(document.createElement('p'))
  text.textContent = 'Text after the container'
  const last = button('last')
  return { first, container, text, last, content: [first, container, text, last] }
}

/** A preloaded modal connector and a preloaded inline one, both loaded and hidden. */
async function preloadBoth(container: HTMLElement) {
  const modal = create()
  const inline = create({ container })
  await Promise.all([modal.preload(), inline.preload()])
  return [modal, inline].map((connector: Connector) => {
    const frame = theFrame(connector.connectorId)
    return { connector, frame, root: outermost(frame) }
  })
}

describe.each(['modal', 'inline'] as const)('a preloaded %s Connector', (shape) => {
  async function prepared() {
    const layout = pageWithContainer()
    const connector = create(shape === 'inline' ? { container: layout.container } : {})
    await connector.preload()
    const frame = theFrame(connector.connectorId)
    return { ...layout, connector, frame, root: outermost(frame) }
  }

  test('is invisible, inert and aria-hidden, and the state is still idle', async () => {
    const { connector, frame, root } = await prepared()
    expect(connector.state).toBe('idle')
    expect(getComputedStyle(root).visibility).toBe('hidden')
    expect(getComputedStyle(frame).visibility).toBe('hidden')
    expect(frame.checkVisibility({ visibilityProperty: true })).toBe(false)
    expect(root.inert).toBe(true)
    expect(root.getAttribute('aria-hidden')).toBe('true')
  })

  test('is not in the accessibility tree: no dialog, no close button', async () => {
    await prepared()
    // Playwright's role engine leaves out what assistive technology would not be told about.
    expect(page.getByRole('dialog').elements()).toEqual([])
    expect(page.getByRole('button', { name: 'Close' }).elements()).toEqual([])
  })

  test('is never reached by Tab or Shift+Tab', async () => {
    const { first, last, frame, root } = await prepared()
    // Where focus is after each real key press. Focus inside the cross-origin Connector shows
    // here as the iframe itself (the puppet page has a button, as the real Connector has).
    const visited: (Element | null)[] = []
    const press = async (shift = false) => {
      await userEvent.tab({ shift })
      visited.push(document.activeElement)
    }
    first.focus()
    // Tab from `first` skips the (inline) Connector and lands on `last`; the modal overlay sits
    // after `last` in the DOM, so the next press would reach it there.
    await press()
    expect(document.activeElement).toBe(last)
    await press()
    await press(true)
    await press(true)
    expect(document.activeElement).toBe(first)
    for (const element of visited) {
      expect(element).not.toBe(frame)
      expect(root.contains(element)).toBe(false)
    }
  })

  test('locks no scroll and moves nothing on the page', async () => {
    const layout = pageWithContainer()
    const before = layout.content.map(box)
    const styles = [html().style.cssText, document.body.style.cssText]
    const overflow = getComputedStyle(html()).overflowY
    const connector = create(shape === 'inline' ? { container: layout.container } : {})
    await connector.preload()
    expect(layout.content.map(box)).toEqual(before)
    expect(layout.container.clientHeight).toBe(0)
    expect([html().style.cssText, document.body.style.cssText]).toEqual(styles)
    expect(getComputedStyle(html()).overflowY).toBe(overflow)
    // Nothing on the page was made inert either (an open modal does that).
    expect(layout.content.some((node) => (node as HTMLElement).inert)).toBe(false)
  })

  test('lets clicks through to the page element under it', async () => {
    const { frame } = await prepared()
    const under = button('under', 'position:fixed;left:40%;top:40%;width:20%;height:20%')
    // First in the body: painted below the Connector, as a page's content would be.
    document.body.prepend(under)
    const { x, y, width, height } = frame.getBoundingClientRect()
    const center = under.getBoundingClientRect()
    // The hidden Connector really covers the button…
    expect(x < center.left && y < center.top).toBe(true)
    expect(x + width > center.right && y + height > center.bottom).toBe(true)
    // …and yet the button is what a pointer hits there, and a real click reaches it.
    expect(document.elementFromPoint(center.x + 5, center.y + 5)).toBe(under)
    let clicks = 0
    under.addEventListener('click', () => clicks++)
    await userEvent.click(under, { timeout: 3000 })
    expect(clicks).toBe(1)
  })
})

test('axe finds no accessibility violation on a page with a preloaded modal and inline Connector', async () => {
  const { container } = pageWithContainer()
  const options: axe.RunOptions = {
    // The Connector frames are cross-origin: axe cannot run in them (it would wait on them).
    iframes: false,
    resultTypes: ['violations'],
    // These three judge the test harness page itself (no <main>, no <h1>), not the Connector.
    rules: {
      'landmark-one-main': { enabled: false },
      'page-has-heading-one': { enabled: false },
      region: { enabled: false },
    },
  }
  const baseline = await axe.run(document, options)
  await preloadBoth(container)
  const results = await axe.run(document, options)
  const ids = (list: axe.Result[]) => list.map((violation) => violation.id)
  // Whatever the test page itself has (nothing, today) is not the Connector's doing.
  expect(ids(baseline.violations)).toEqual([])
  expect(ids(results.violations)).toEqual([])
})

test('the hidden Connectors become visible, focusable and announced only when opened', async () => {
  const { container } = pageWithContainer()
  const [modal, inline] = await preloadBoth(container)
  for (const { connector, root } of [modal!, inline!]) {
    await connector.open()
    expect(getComputedStyle(root).visibility).toBe('visible')
    expect(root.inert).toBe(false)
    expect(root.hasAttribute('aria-hidden')).toBe(false)
  }
  // The modal was opened first; the inline one opened after it sits behind the modal's inert page.
  expect(page.getByRole('dialog').elements()).toHaveLength(1)
  expect(getComputedStyle(html()).overflowY).toBe('hidden')
})
