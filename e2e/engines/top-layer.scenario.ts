// SPEC 6.1 where the engines differ most, the top layer: the Connector opened from a native
// <dialog> the page opened with showModal(), from a body with pointer-events: none and from a
// button in a shadow root. In each: the Connector is what a click at its centre reaches, focus is
// in our dialog, a real click reaches the Connector, Escape and the close button close ours and
// only ours, focus goes back to the opener (through the shadow root) and the page takes clicks.
// Chromium runs the same pages as apps build them in e2e/host-pages/.
import { describe, expect, test } from 'vitest'
import type { PageOptions } from './host-page'
import { describeEngines } from './session'

type Layout = NonNullable<PageOptions['layout']>

const OPENER = 'button "opener"'
const CONNECTOR = { frame: '[role=dialog] iframe' }
const CLOSE = '[role=dialog] button[aria-label="Close"]'

describeEngines('top layer', (session) => {
  /** The page loaded, its dialog opened if it has one, the Connector opened from its opener. */
  async function openFrom(layout: Layout): Promise<string> {
    const { call, driver, hostPage } = session()
    await hostPage({ layout })
    if (layout === 'dialog') {
      await driver.click('#open-dialog')
      await expect.poll(() => call('pageDialog')).toEqual({ open: true, modal: true })
    }
    const id = await call<string>('create')
    await call('bindOpener', id)
    // Focused first: a click alone does not focus a button in WebKit (as in Safari).
    expect(await call('focusOpener')).toBe(OPENER)
    await driver.click('#opener', layout === 'shadow' ? { shadowHost: '#bank-link' } : {})
    await expect.poll(() => call('state', id)).toBe('open')
    return id
  }

  /** Ours closed, the page's dialog still open, focus on the opener, the page takes a click. */
  async function expectPageBack(layout: Layout, id: string): Promise<void> {
    const { call, driver } = session()
    await expect.poll(() => call('state', id)).toBe('closed')
    expect(await call('dialog')).toBeNull()
    if (layout === 'dialog') {
      expect(await call('pageDialog')).toEqual({ open: true, modal: true })
    }
    await expect.poll(() => call('deepActive')).toBe(OPENER)
    await driver.click('#save')
    await expect.poll(() => call('saved')).toBe('Saved 1')
  }

  describe.each<Layout>(['dialog', 'pointer-events', 'shadow'])('opener in %s', (layout) => {
    test('on top and focused; Escape closes ours only; focus and clicks come back', async () => {
      const { call, driver } = session()
      const id = await openFrom(layout)
      expect(await call('hitAt', 'connector')).toBe('itself')
      expect(await call('focusInDialog')).toBe('inside')
      await driver.press('Escape')
      await expectPageBack(layout, id)
    })

    test('a click reaches the Connector; the close button closes ours only', async () => {
      const { call, driver } = session()
      const id = await openFrom(layout)
      await driver.click('button', CONNECTOR)
      await expect.poll(() => call('connectorClicks', id)).toBe(1)
      expect(await call('hitAt', 'close')).toBe('itself')
      await driver.click(CLOSE)
      await expectPageBack(layout, id)
    })
  })
})
