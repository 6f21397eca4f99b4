// The modal in each engine, driven by real input: focus moves into the dialog and stays there
// under Tab and Shift+Tab, Escape and the close button close it and give focus back, the dialog
// is modal in the top layer (the browser makes the page behind inert) and page scroll is locked
// without a shift, and the layout is full screen on a phone and a centred panel on a desktop
// (measured, and kept as screenshots).
import { fileURLToPath } from 'node:url'
import { beforeEach, expect, test } from 'vitest'
import type { Key } from './driver'
import { ARTIFACTS, describeEngines } from './session'

interface PageState {
  inert: string[]
  overflow: string
  styles: string[]
  content: { left: number; top: number; width: number }
  scrollY: number
}

const DIALOG = 'dialog[role=dialog] "Quiltt Connector"'
const CONNECTOR = 'iframe "Quiltt Connector"'
const CLOSE = 'button "Close"'
const OPENER = 'button "opener"'

describeEngines('modal', (session) => {
  /**
   * A modal connector opened by a real click on the page's opener button, which has focus (a
   * click alone does not focus a button in WebKit, as in Safari).
   */
  async function openFromOpener(prefix = 'c') {
    const { call, driver } = session()
    const id = await call<string>('create', { prefix })
    await call('bindOpener', id)
    expect(await call('focus', '#opener')).toBe(OPENER)
    await driver.click('#opener')
    return id
  }
  const untilLoaded = async (id: string) => {
    const { call } = session()
    await expect.poll(() => call('state', id)).toBe('open')
  }

  beforeEach(async () => {
    await session().hostPage()
  })

  test('is a labelled modal dialog; focus moves into it on open', async () => {
    const { call } = session()
    const id = await openFromOpener()
    await untilLoaded(id)
    expect(await call('dialog')).toEqual({
      role: 'dialog',
      modal: 'true',
      label: 'Quiltt Connector',
      inBody: true,
      isModal: true,
    })
    expect(await call('active')).toBe(DIALOG)
  })

  test.each([
    ['Tab', 'Tab'],
    ['Shift+Tab', 'Shift+Tab'],
  ] as const)('%s never takes focus out of the dialog', async (_, key: Key) => {
    const { call, driver } = session()
    await untilLoaded(await openFromOpener())
    const seen = new Set<string>()
    // `body`: focus went on to the browser's own UI, as past the last control of a native modal
    // <dialog>; the next press must bring it back into the dialog, never onto the page.
    const allowed = [DIALOG, CONNECTOR, CLOSE, 'body']
    for (let press = 0; press < 6; press++) {
      await driver.press(key)
      const where = await call<string>('active')
      expect(allowed, `after ${press + 1} × ${key}`).toContain(where)
      seen.add(where)
    }
    // Focus really moves, round the Connector and the close button.
    expect([...seen]).toEqual(expect.arrayContaining([CONNECTOR, CLOSE]))
  })

  test('Escape closes it with exitAbort, exit, event and gives focus back to the opener', async () => {
    const { call, driver } = session()
    const id = await openFromOpener()
    await untilLoaded(id)
    await driver.press('Escape')
    await expect.poll(() => call('state', id)).toBe('closed')
    expect(await call('names', id)).toEqual([
      'open',
      'event:opened',
      'load',
      'event:loaded',
      'exitAbort',
      'exit',
      'event:exited.aborted',
    ])
    expect(await call('dialog')).toBeNull()
    expect(await call('active')).toBe(OPENER)
  })

  test('the close button closes it with exitAbort and gives focus back to the opener', async () => {
    const { call, driver } = session()
    const id = await openFromOpener()
    await untilLoaded(id)
    await driver.click('dialog[role=dialog] button[aria-label="Close"]')
    await expect.poll(() => call('state', id)).toBe('closed')
    expect((await call<string[]>('names', id)).slice(4)).toEqual([
      'exitAbort',
      'exit',
      'event:exited.aborted',
    ])
    expect(await call('active')).toBe(OPENER)
  })

  test('the dialog is modal while open, so the page behind takes no focus; given back after', async () => {
    const { call, driver } = session()
    const id = await openFromOpener()
    await untilLoaded(id)
    expect(await call('dialog')).toMatchObject({ isModal: true })
    // The browser makes the page inert for a modal dialog; the SDK marks none of its elements.
    expect((await call<PageState>('page')).inert).toEqual([])
    // The page cannot take focus: it stays in the dialog.
    expect(await call('focus', '#after')).toBe(DIALOG)
    await call('close', id)
    expect(await call('dialog')).toBeNull()
    expect(await driver.evaluate(`document.querySelectorAll(':modal').length`)).toBe(0)
    expect(await call('focus', '#after')).toBe('a "after"')
  })

  test('page scroll is locked while open, without a layout shift, and restored after', async () => {
    const { call } = session()
    expect(await call('scrollTo', 500)).toBe(500)
    const before = await call<PageState>('page')
    const id = await call<string>('create')
    expect(await call('openAndWait', id)).toBe('resolved')
    const during = await call<PageState>('page')
    expect(during.overflow).toBe('hidden')
    expect(during.content).toEqual(before.content)
    expect(during.scrollY).toBe(500)
    await call('close', id)
    const after = await call<PageState>('page')
    expect(after.styles).toEqual(before.styles)
    expect(after.overflow).toBe(before.overflow)
    expect(after.scrollY).toBe(500)
    expect(after.content).toEqual(before.content)
  })

  test('the loading indicator shows until Load, then the Connector', async () => {
    const { call } = session()
    const id = await call<string>('create', { prefix: 'noload' })
    await call('open', id)
    await call('live', id)
    expect(await call('loading', id)).toEqual({
      status: 'Loading…',
      visible: true,
      spinning: 1,
      frameOpacity: '0',
    })
    await call('post', id, { source: 'quiltt', type: 'Load' })
    await expect.poll(() => call('state', id)).toBe('open')
    expect(await call('loading', id)).toEqual({
      status: null,
      visible: false,
      spinning: 0,
      frameOpacity: '1',
    })
  })

  test('destroy() leaves no element, no listener, no page change, and no event after', async () => {
    const { call } = session()
    const before = await call<PageState>('page')
    await call('startTracking')
    const modal = await call<string>('create')
    const inline = await call<string>('create', { inline: true })
    const nodes = await call<number>('nodeCount')
    expect(await call('openAndWait', modal)).toBe('resolved')
    expect(await call('openAndWait', inline)).toBe('resolved')
    const logged = await call<unknown[]>('log', modal)
    await call('destroy', modal)
    await call('destroy', inline)
    expect(await call('nodeCount')).toBe(nodes)
    expect(await call('liveListeners')).toEqual({})
    expect(await call('elementsOutsidePage')).toEqual([])
    const after = await call<PageState>('page')
    expect([after.styles, after.inert, after.overflow]).toEqual([
      before.styles,
      before.inert,
      before.overflow,
    ])
    expect(await call('log', modal)).toEqual(logged)
    expect(await call('state', modal)).toBe('destroyed')
  })

  test.each([
    [375, 700, 'phone'],
    [1280, 800, 'desktop'],
  ] as const)('at %i×%i (%s) the modal has its layout', async (width, height, kind) => {
    const { call, driver } = session()
    await driver.setViewport(width, height)
    try {
      const id = await call<string>('create')
      expect(await call('openAndWait', id)).toBe('resolved')
      const layout =
        await call<Record<string, { left: number; top: number; width: number; height: number }>>(
          'layout',
        )
      await call('raf')
      await driver.screenshot(
        fileURLToPath(new URL(`${driver.engine}-modal-${width}.png`, ARTIFACTS)),
      )
      expect(layout.overlay).toEqual({ left: 0, top: 0, width, height })
      const { panel, close, frame } = layout
      // The close button sits in its own bar, never over the Connector.
      expect(close!.top + close!.height).toBeLessThanOrEqual(frame!.top)
      if (kind === 'phone') {
        expect(panel).toEqual({ left: 0, top: 0, width, height })
        expect(layout.radius).toBe('0px')
        expect(frame).toMatchObject({ left: 0, width })
        expect(frame!.top + frame!.height).toBe(height)
      } else {
        expect(panel).toMatchObject({ width: 480, height: 720 })
        expect(panel!.left).toBeCloseTo((width - 480) / 2, 0)
        expect(panel!.top).toBeCloseTo((height - 720) / 2, 0)
        expect(layout.radius).toBe('12px')
        expect(String(layout.dim)).toMatch(/^rgba\(0, 0, 0, 0\.\d+\)$/)
        expect(frame!.width).toBe(480)
      }
    } finally {
      await driver.setViewport(1024, 768)
    }
  })
})
