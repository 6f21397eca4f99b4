// What the user sees (SPEC §6): a loading indicator until the Connector's Load (still under
// prefers-reduced-motion), an inline frame with a sensible height that follows its container, a
// modal that is a centred panel on desktop and full screen on phones (clear of safe-area insets),
// and an overlay above the host page's own stacking contexts.
import { afterEach, describe, expect, test, vi } from 'vitest'
import { cdp, page } from 'vitest/browser'
import type { ConnectorOptions } from '../src/index'
import {
  adopt,
  cleanup,
  create,
  dialogs,
  makeContainer,
  openAndGetFrame,
  postFromFrame,
  quiltt,
  uniqueId,
  waitForLiveFrame,
} from './helpers'

// The sdk project's default viewport (vitest's), restored after tests that change it.
const VIEWPORT = { width: 414, height: 896 } as const

afterEach(async () => {
  cleanup()
  await page.viewport(VIEWPORT.width, VIEWPORT.height)
})

const theDialog = (): HTMLElement => {
  const all = dialogs()
  expect(all).toHaveLength(1)
  return all[0] as HTMLElement
}
/** The white panel inside the overlay that holds the Connector. */
const panelOf = (dialog: HTMLElement) => dialog.firstElementChild as HTMLElement
const closeButton = (dialog: HTMLElement) =>
  dialog.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!
const box = (el: Element) => {
  const { left, top, width, height } = el.getBoundingClientRect()
  return { left, top, width, height }
}
const runningAnimations = () =>
  document.getAnimations().filter((animation) => animation.playState === 'running')

/** Opens a connector whose puppet never sends Load by itself; `load()` sends it. */
async function openLoading(options: Partial<ConnectorOptions> = {}) {
  const connector = create({ connectorId: uniqueId('noload'), ...options })
  const opening = connector.open()
  // Tests that never send Load end with destroy(), which rejects this open().
  opening.catch(() => undefined)
  const frame = await waitForLiveFrame(connector.connectorId)
  const load = async () => {
    postFromFrame(frame, quiltt('Load'))
    await opening
  }
  return { connector, frame, load }
}

/** Runs `body` with a CDP emulation in place, always undoing it (the tab is shared). */
async function emulating(
  method: 'Emulation.setEmulatedMedia' | 'Emulation.setSafeAreaInsetsOverride',
  on: object,
  off: object,
  body: () => Promise<void>,
): Promise<void> {
  const session = cdp()
  await session.send(method as never, on as never)
  try {
    await body()
  } finally {
    await session.send(method as never, off as never)
  }
}

describe('loading indicator', () => {
  test.each(['modal', 'inline'] as const)(
    '%s: a status "Loading…" over a transparent iframe until Load, then the Connector',
    async (mode) => {
      const container = mode === 'inline' ? makeContainer() : undefined
      const { frame, load } = await openLoading(container ? { container } : {})
      const holder = container ?? theDialog()
      const status = holder.querySelector('[role="status"]')
      expect(status?.textContent).toBe('Loading…')
      expect(status?.checkVisibility()).toBe(true)
      expect(getComputedStyle(frame).opacity).toBe('0')

      await load()
      expect(holder.querySelector('[role="status"]')).toBeNull()
      expect(getComputedStyle(frame).opacity).toBe('1')
      expect(frame.checkVisibility()).toBe(true)
    },
  )

  test('spins while loading and stops with the indicator at Load', async () => {
    expect(runningAnimations()).toEqual([])
    const { load } = await openLoading()
    expect(runningAnimations()).toHaveLength(1)
    await load()
    expect(runningAnimations()).toEqual([])
  })

  test('is still under prefers-reduced-motion: reduce', async () => {
    await emulating(
      'Emulation.setEmulatedMedia',
      { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] },
      { features: [] },
      async () => {
        expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true)
        await openLoading()
        expect(theDialog().querySelector('[role="status"]')?.textContent).toBe('Loading…')
        expect(document.getAnimations()).toEqual([])
      },
    )
  })
})

describe('inline size', () => {
  test('a container without a height gets a 640 px tall Connector, as wide as the container', async () => {
    const container = makeContainer()
    const frame = await openAndGetFrame(create({ container }))
    expect(box(frame).height).toBe(640)
    expect(box(frame).width).toBe(container.clientWidth)
  })

  test('a container sized only by its text also gets a 640 px tall Connector', async () => {
    const container = makeContainer()
    container.append('Your bank accounts will appear here.')
    const frame = await openAndGetFrame(create({ container }))
    expect(box(frame).height).toBe(640)
  })

  test('a flex container with a fixed height is filled', async () => {
    const container = makeContainer()
    container.style.cssText = 'display:flex;flex-direction:column;height:500px'
    const frame = await openAndGetFrame(create({ container }))
    expect(box(frame).height).toBe(500)
  })

  test('a container not rendered yet (display: none) gets 640 px once shown', async () => {
    const container = makeContainer()
    container.style.display = 'none'
    const connector = create({ container })
    const opening = connector.open()
    await vi.waitFor(() => expect(container.querySelector('iframe')).not.toBeNull())
    container.style.display = ''
    expect(box(container.querySelector('iframe') as HTMLIFrameElement).height).toBe(640)
    connector.close()
    await opening
  })

  test('a container with a height is filled, and followed when it is resized', async () => {
    const container = makeContainer()
    container.style.height = '300px'
    const frame = await openAndGetFrame(create({ container }))
    expect(box(frame).height).toBe(300)
    for (const height of [480, 200]) {
      container.style.height = `${height}px`
      expect(box(frame).height).toBe(height)
    }
    container.style.width = '250px'
    expect(box(frame).width).toBe(250)
  })
})

describe('modal layout', () => {
  test.each([320, 375, 480])('at %i px wide the panel is full screen', async (width) => {
    await page.viewport(width, 700)
    const { frame } = await openLoading()
    const dialog = theDialog()
    expect(box(dialog)).toEqual({ left: 0, top: 0, width, height: 700 })
    expect(box(panelOf(dialog))).toEqual({ left: 0, top: 0, width, height: 700 })
    expect(getComputedStyle(panelOf(dialog)).borderRadius).toBe('0px')
    // The Connector fills the panel below the close button's bar.
    const close = box(closeButton(dialog))
    expect(box(frame)).toMatchObject({ left: 0, width })
    expect(box(frame).top).toBeGreaterThanOrEqual(close.top + close.height)
    expect(box(frame).top + box(frame).height).toBe(700)
  })

  test.each([
    [481, 800],
    [1280, 800],
  ])(
    'at %i×%i the panel is centred and smaller than the dimmed viewport',
    async (width, height) => {
      await page.viewport(width, height)
      const { frame } = await openLoading()
      const dialog = theDialog()
      expect(box(dialog)).toEqual({ left: 0, top: 0, width, height })
      // Dimmed: a translucent dark overlay over the whole viewport.
      expect(getComputedStyle(dialog).backgroundColor).toMatch(/^rgba\(0, 0, 0, 0\.\d+\)$/)
      const panel = box(panelOf(dialog))
      expect(panel.width).toBeLessThan(width)
      expect(panel.height).toBeLessThan(height)
      expect(panel.left).toBeCloseTo((width - panel.width) / 2, 0)
      expect(panel.top).toBeCloseTo((height - panel.height) / 2, 0)
      expect(getComputedStyle(panelOf(dialog)).borderRadius).not.toBe('0px')
      expect(box(frame).width).toBe(panel.width)
    },
  )

  test('the close button never covers the Connector', async () => {
    for (const [width, height] of [
      [375, 700],
      [1280, 800],
    ] as const) {
      await page.viewport(width, height)
      const { connector, frame } = await openLoading()
      const close = box(closeButton(theDialog()))
      expect(close.top + close.height).toBeLessThanOrEqual(box(frame).top)
      connector.close()
    }
  })

  test('full screen keeps the Connector and the close button clear of safe-area insets', async () => {
    await page.viewport(375, 700)
    const insets = { top: 44, right: 20, bottom: 34, left: 10 }
    await emulating(
      'Emulation.setSafeAreaInsetsOverride',
      { insets },
      { insets: { top: 0, right: 0, bottom: 0, left: 0 } },
      async () => {
        const { frame } = await openLoading()
        const close = box(closeButton(theDialog()))
        expect(close.top).toBeGreaterThanOrEqual(insets.top)
        expect(close.left + close.width).toBeLessThanOrEqual(375 - insets.right)
        expect(box(frame)).toMatchObject({ left: insets.left, width: 375 - 10 - 20 })
        expect(box(frame).top).toBeGreaterThanOrEqual(close.top + close.height)
        expect(box(frame).top + box(frame).height).toBe(700 - insets.bottom)
      },
    )
  })

  test('the close button keeps its own look on a page that styles every button', async () => {
    const sheet = adopt(document.createElement('style'), document.head)
    sheet.textContent =
      'button { color: #fff; background: #1d4ed8; padding: 1rem 2rem; border: 3px solid red }'
    await openLoading()
    const style = getComputedStyle(closeButton(theDialog()))
    expect([style.color, style.backgroundColor, style.paddingLeft, style.borderTopWidth]).toEqual([
      'rgb(15, 23, 42)',
      'rgb(255, 255, 255)',
      '0px',
      '0px',
    ])
  })
})

describe('stacking', () => {
  test('the overlay is above host elements that make their own stacking contexts', async () => {
    await page.viewport(1280, 800)
    // Typical host chrome: a relative wrapper at z-index 9999, a fixed header at the maximum
    // z-index, and a transformed card. All come before the overlay in the document.
    const hosts = [
      'position:relative;z-index:9999;height:100vh;background:#f00',
      'position:fixed;inset:0;z-index:2147483647;background:#0f0',
      'transform:translateZ(0);position:absolute;inset:0;z-index:99999;background:#00f',
    ].map((css) => {
      const host = document.createElement('div')
      host.style.cssText = css
      return adopt(host)
    })
    await openLoading()
    const dialog = theDialog()
    // Hit testing skips inert elements; lift it so only paint order decides what is on top.
    for (const host of hosts) host.inert = false
    for (const [x, y] of [
      [640, 400], // the panel
      [20, 20], // the dimmed margin around it
    ] as const) {
      expect(dialog.contains(document.elementFromPoint(x, y)), `at ${x},${y}`).toBe(true)
    }
  })
})
