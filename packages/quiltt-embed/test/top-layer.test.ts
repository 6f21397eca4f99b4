// The modal in the pages apps are really built with (SPEC §6.1, issue 27): opened from inside the
// page's own <dialog>, under a body with pointer-events: none, with page listeners that take any
// press for an outside click, under page CSS for `dialog`, and below a banner added later at the
// highest z-index. Real input (Playwright's mouse and keyboard) wherever the browser decides.
import { afterEach, describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import type { Connector } from '../src/index'
import { adopt, cleanup, create, dialogs, onCleanup, openAndGetFrame, record } from './helpers'

afterEach(cleanup)

/** The element a pointer hits at the centre of `element`. */
function hitAtCentre(element: Element): Element | null {
  const { x, y, width, height } = element.getBoundingClientRect()
  return document.elementFromPoint(x + width / 2, y + height / 2)
}

/** The SDK's dialog, its close button and its Connector frame (exactly one modal). */
function ourModal() {
  const all = dialogs()
  expect(all).toHaveLength(1)
  const dialog = all[0] as HTMLDialogElement
  return {
    dialog,
    close: dialog.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!,
    frame: dialog.querySelector('iframe')!,
  }
}

/** A page `<dialog>` opened with showModal() holding a "Link your bank" button, focused. */
function pageDialog() {
  const dialog = adopt(document.createElement('dialog'))
  dialog.id = 'page-dialog'
  const link = document.createElement('button')
  link.textContent = 'Link your bank'
  const other = document.createElement('button')
  other.textContent = 'Other action'
  let otherClicks = 0
  other.addEventListener('click', () => otherClicks++)
  dialog.append(link, other)
  dialog.showModal()
  link.focus()
  expect(document.activeElement).toBe(link)
  onCleanup(() => dialog.close())
  return { dialog, link, other, otherClicks: () => otherClicks }
}

/** Opens `connector` from `opener` as a click would, and waits for the Connector's Load. */
async function openFrom(opener: HTMLElement, connector: Connector) {
  opener.focus()
  await openAndGetFrame(connector)
  return ourModal()
}

test('is a <dialog> in body, shown modal in the top layer, with focus on it', async () => {
  const connector = create()
  const { dialog, frame } = await openFrom(adopt(document.createElement('button')), connector)
  expect(dialog.localName).toBe('dialog')
  expect(dialog.parentElement).toBe(document.body)
  expect(dialog.open).toBe(true)
  expect(dialog.matches(':modal')).toBe(true)
  expect(document.activeElement).toBe(dialog)
  expect(hitAtCentre(frame)).toBe(frame)
  connector.close()
  expect(document.querySelectorAll(':modal')).toHaveLength(0)
})

describe('opened from inside a page <dialog> (showModal)', () => {
  test('is drawn above it and takes the clicks; the page dialog is left alone', async () => {
    const page = pageDialog()
    const { dialog, close, frame } = await openFrom(page.link, create())
    expect(hitAtCentre(frame)).toBe(frame)
    expect(hitAtCentre(close)).toBe(close)
    expect(dialog.contains(document.activeElement)).toBe(true)
    // The SDK does not mark the page's elements inert: the browser's top layer does the job.
    expect(page.dialog.inert).toBe(false)
    expect(document.querySelectorAll('[inert]')).toHaveLength(0)
  })

  test('a real Escape closes ours only; focus and clicks go back to the page dialog', async () => {
    const page = pageDialog()
    const connector = create()
    await openFrom(page.link, connector)
    const log = record(connector)
    await userEvent.keyboard('{Escape}')
    await vi.waitFor(() => expect(connector.state).toBe('closed'))
    expect(log.map(([name]) => name)).toEqual(['exitAbort', 'exit', 'event'])
    expect(dialogs()).toEqual([])
    expect(page.dialog.open).toBe(true)
    expect(page.dialog.matches(':modal')).toBe(true)
    expect(document.activeElement).toBe(page.link)
    await userEvent.click(page.other)
    expect(page.otherClicks()).toBe(1)
  })

  test('a real click on our close button closes ours only', async () => {
    const page = pageDialog()
    const connector = create()
    const { close } = await openFrom(page.link, connector)
    await userEvent.click(close)
    expect(connector.state).toBe('closed')
    expect(page.dialog.open).toBe(true)
    expect(document.activeElement).toBe(page.link)
  })
})

test('a body with pointer-events: none: ours still takes clicks', async () => {
  document.body.style.pointerEvents = 'none'
  onCleanup(() => document.body.style.removeProperty('pointer-events'))
  const connector = create()
  const { close, frame } = await openFrom(adopt(document.createElement('button')), connector)
  expect(hitAtCentre(frame)).toBe(frame)
  expect(hitAtCentre(close)).toBe(close)
  await userEvent.click(close)
  expect(connector.state).toBe('closed')
})

test("the page's document listeners never see presses and keys inside ours", async () => {
  // What Radix and Headless UI listen for to close their dialog on an outside click or Escape.
  const seen: string[] = []
  const types = ['pointerdown', 'mousedown', 'click', 'keydown', 'focusin', 'focusout']
  // Focus going back to the opener, outside, is the page's to see.
  const note = (event: Event) =>
    dialogs().some((dialog) => dialog.contains(event.target as Node)) && seen.push(event.type)
  for (const type of types) document.addEventListener(type, note, true)
  onCleanup(() => {
    for (const type of types) document.removeEventListener(type, note, true)
  })
  const connector = create()
  const { dialog, close } = await openFrom(adopt(document.createElement('button')), connector)
  seen.length = 0
  // On the dim area round the panel, which is the dialog itself; then Tab onto the close button.
  await userEvent.click(dialog, { position: { x: 4, y: 4 } })
  await userEvent.keyboard('{Shift>}{Tab}{/Shift}')
  expect(connector.state).toBe('open')
  close.focus()
  await userEvent.keyboard('{Enter}')
  expect(connector.state).toBe('closed')
  expect(seen).toEqual([])
})

test('a banner added later at the highest z-index does not cover it', async () => {
  const connector = create()
  const { close, frame } = await openFrom(adopt(document.createElement('button')), connector)
  const banner = adopt(document.createElement('div'))
  banner.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fc0'
  expect(hitAtCentre(close)).toBe(close)
  expect(hitAtCentre(frame)).toBe(frame)
  await userEvent.click(close)
  expect(connector.state).toBe('closed')
})

test("a page's CSS for `dialog` (a classless framework's) does not change how it looks", async () => {
  const measure = async () => {
    const connector = create()
    const { dialog } = await openFrom(adopt(document.createElement('button')), connector)
    const panel = dialog.firstElementChild!
    const style = getComputedStyle(dialog)
    const seen = {
      dialog: dialog.getBoundingClientRect().toJSON(),
      panel: panel.getBoundingClientRect().toJSON(),
      background: style.backgroundColor,
      backdropFilter: style.backdropFilter,
      border: style.borderTopWidth,
      overflow: style.overflow,
    }
    connector.destroy()
    return seen
  }
  const plain = await measure()
  const sheet = adopt(document.createElement('style'))
  // Pico CSS's kind of rules for a bare `dialog`, and worse.
  sheet.textContent = `dialog { display: flex; align-items: flex-start; position: absolute;
    inset: 20px; width: 50%; height: 50%; max-width: 40%; max-height: 40%; margin: 3rem;
    padding: 2rem; border: 6px solid red; background: rgb(255, 0, 0); color: blue;
    overflow: auto; backdrop-filter: blur(6px); transform: rotate(3deg); opacity: 0.5 }
    dialog > div { width: 10px }`
  expect(await measure()).toEqual(plain)
})

test('a close the SDK did not ask for (the page, a close request) takes it away with exitAbort', async () => {
  const opener = adopt(document.createElement('button'))
  const connector = create()
  const { dialog } = await openFrom(opener, connector)
  const log = record(connector)
  dialog.close()
  await vi.waitFor(() => expect(connector.state).toBe('closed'))
  expect(log.map(([name]) => name)).toEqual(['exitAbort', 'exit', 'event'])
  expect(dialog.isConnected).toBe(false)
  expect(document.activeElement).toBe(opener)
})

test('its cancel event (the browser’s own Escape) closes it with exitAbort, not the page', async () => {
  const page = pageDialog()
  const connector = create()
  const { dialog } = await openFrom(page.link, connector)
  const log = record(connector)
  const cancel = new Event('cancel', { cancelable: true })
  dialog.dispatchEvent(cancel)
  expect(cancel.defaultPrevented).toBe(true)
  expect(connector.state).toBe('closed')
  expect(log.map(([name]) => name)).toEqual(['exitAbort', 'exit', 'event'])
  expect(page.dialog.open).toBe(true)
})

test('an inert a page library put on it before it was shown is lifted', async () => {
  const connector = create()
  await connector.preload()
  // Headless UI's Dialog marks the body's other children inert while it is open.
  for (const child of document.body.children) (child as HTMLElement).inert = true
  onCleanup(() => {
    for (const child of document.body.children) (child as HTMLElement).inert = false
  })
  await connector.open()
  const { dialog } = ourModal()
  expect(dialog.inert).toBe(false)
  expect(dialog.matches(':modal')).toBe(true)
  expect(document.activeElement).toBe(dialog)
})
