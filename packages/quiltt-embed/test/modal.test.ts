// The modal drawn when no container is given (SPEC §6): an accessible dialog that takes focus,
// locks page scroll, closes on Escape and after any exit, and restores everything it touched.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { Connector } from '../src/index'
import {
  adopt,
  cleanup,
  create,
  dialogs,
  iframes,
  onCleanup,
  openAndGetFrame,
  openModal,
  postFromFrame,
  quiltt,
  record,
  sync,
} from './helpers'

const html = () => document.documentElement
const styles = () => [html().style.cssText, document.body.style.cssText]
const computedOverflow = () =>
  [html(), document.body].map((el) => {
    const style = getComputedStyle(el)
    return `${style.overflowX}/${style.overflowY}`
  })
const scrollLocked = () =>
  [html(), document.body].some((el) => getComputedStyle(el).overflowY === 'hidden')

// Each test checks its own restoration; this only keeps one test's leak from failing the next.
let pageStyles: string[] = []
beforeEach(() => {
  pageStyles = styles()
})
afterEach(() => {
  cleanup()
  html().style.cssText = pageStyles[0] ?? ''
  document.body.style.cssText = pageStyles[1] ?? ''
})

/** A modal removes its iframe when the Connector exits, so there is no frame left to sync with. */
async function untilClosed(connector: Connector): Promise<void> {
  await vi.waitFor(() => expect(connector.state).toBe('closed'))
}

function theDialog(): Element {
  const all = dialogs()
  expect(all).toHaveLength(1)
  return all[0] as Element
}

/** Presses Escape where a user's keypress would land (inside the dialog if focus is there). */
function pressEscape(key = 'Escape'): void {
  const dialog = dialogs()[0]
  const active = document.activeElement
  const target = dialog && !dialog.contains(active) ? dialog : (active ?? document.body)
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, code: key, bubbles: true, cancelable: true }),
  )
}

function focusedOpener(): HTMLButtonElement {
  const opener = adopt(document.createElement('button'))
  opener.textContent = 'Link your bank'
  opener.focus()
  expect(document.activeElement).toBe(opener)
  return opener
}

test('is a labelled modal dialog in document.body that contains the iframe', async () => {
  const { frame } = await openModal()
  const dialog = theDialog()
  expect(dialog.getAttribute('aria-modal')).toBe('true')
  expect(dialog.getAttribute('aria-label')).toBe('Quiltt Connector')
  expect(document.body.contains(dialog)).toBe(true)
  expect(dialog.contains(frame)).toBe(true)
  expect(iframes()).toEqual([frame])
})

test('is shown when open fires', async () => {
  const connector = create()
  const seen: boolean[] = []
  connector.on('open', () => seen.push(dialogs().length === 1))
  await connector.open()
  expect(seen).toEqual([true])
})

describe('focus', () => {
  test('moves into the dialog on open and back to the opener on close()', async () => {
    const opener = focusedOpener()
    const { connector } = await openModal()
    expect(theDialog().contains(document.activeElement)).toBe(true)
    connector.close()
    expect(document.activeElement).toBe(opener)
  })

  test('returns to the opener after Escape', async () => {
    const opener = focusedOpener()
    await openModal()
    pressEscape()
    expect(dialogs()).toEqual([])
    expect(document.activeElement).toBe(opener)
  })

  test('returns to the opener when the modal closes itself after an exit', async () => {
    const opener = focusedOpener()
    const { connector, frame } = await openModal()
    postFromFrame(frame, quiltt('ExitSuccess'))
    await untilClosed(connector)
    expect(document.activeElement).toBe(opener)
  })

  test('returns to the opener on destroy()', async () => {
    const opener = focusedOpener()
    const { connector } = await openModal()
    connector.destroy()
    expect(document.activeElement).toBe(opener)
  })
})

describe('Escape', () => {
  test('closes the modal and emits exitAbort, exit, event', async () => {
    const { connector, log } = await openModal()
    pressEscape()
    const metadata = { connectorId: connector.connectorId }
    expect(log).toStrictEqual([
      ['exitAbort', metadata],
      ['exit', 'exited.aborted', metadata],
      ['event', 'exited.aborted', metadata],
    ])
    expect(connector.state).toBe('closed')
    expect(dialogs()).toEqual([])
    expect(iframes()).toEqual([])
  })

  test('after the Connector exited emits nothing more', async () => {
    const { connector, frame, log } = await openModal()
    postFromFrame(frame, quiltt('ExitSuccess'))
    await untilClosed(connector)
    pressEscape()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(log.map(([name]) => name)).toEqual(['exitSuccess', 'exit', 'event'])
    expect(connector.state).toBe('closed')
  })

  test('other keys do nothing', async () => {
    const { connector, log } = await openModal()
    pressEscape('Enter')
    pressEscape('Tab')
    expect(log).toEqual([])
    expect(connector.state).toBe('open')
    expect(dialogs()).toHaveLength(1)
  })

  test('once closed, Escape on the page is ignored', async () => {
    const { connector, log } = await openModal()
    connector.close()
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(log).toEqual([])
  })
})

describe('scroll lock', () => {
  test('locks page scroll while open and restores the exact styles on close()', async () => {
    const before = { styles: styles(), computed: computedOverflow() }
    expect(scrollLocked()).toBe(false)
    const { connector } = await openModal()
    expect(scrollLocked()).toBe(true)
    connector.close()
    expect(styles()).toEqual(before.styles)
    expect(computedOverflow()).toEqual(before.computed)
  })

  /** Sets inline styles on <html> and <body> for one test; puts the originals back afterwards. */
  function presetStyles(root: string, body: string): string[] {
    const saved = styles()
    onCleanup(() => {
      html().style.cssText = saved[0] ?? ''
      document.body.style.cssText = saved[1] ?? ''
    })
    html().style.cssText = root
    document.body.style.cssText = body
    return styles()
  }

  test('restores an overflow-y the page had set on <html>', async () => {
    const before = presetStyles('overflow-y: scroll;', '')
    const { connector } = await openModal()
    expect(scrollLocked()).toBe(true)
    connector.close()
    expect(styles()).toEqual(before)
  })

  test('restores overflow and padding the page had set on <body>', async () => {
    const before = presetStyles('', 'overflow: auto; padding-right: 3px;')
    const { connector, frame } = await openModal()
    expect(scrollLocked()).toBe(true)
    postFromFrame(frame, quiltt('ExitAbort'))
    await untilClosed(connector)
    expect(styles()).toEqual(before)
  })

  test('is released by destroy() and by Escape', async () => {
    const before = styles()
    const first = await openModal()
    first.connector.destroy()
    expect(styles()).toEqual(before)
    expect(scrollLocked()).toBe(false)
    await openModal()
    pressEscape()
    expect(styles()).toEqual(before)
    expect(scrollLocked()).toBe(false)
  })

  test('is released when open() fails', async () => {
    const before = styles()
    const connector = create({ token: () => Promise.reject(new Error('no session')) })
    await expect(connector.open()).rejects.toMatchObject({ code: 'TOKEN_PROVIDER_FAILED' })
    expect(styles()).toEqual(before)
  })
})

describe('the page behind the modal', () => {
  const inertElements = () =>
    Array.from(document.querySelectorAll('*')).filter((el) => (el as HTMLElement).inert)

  test('is made inert by the browser (a modal dialog), not by the SDK, and given back', async () => {
    const alreadyInert = adopt(document.createElement('section'))
    alreadyInert.inert = true
    const live = adopt(document.createElement('section'))
    const link = adopt(document.createElement('a'))
    link.href = '#'
    const { connector } = await openModal()
    expect(theDialog().matches(':modal')).toBe(true)
    expect(inertElements()).toEqual([alreadyInert])
    // Blocked by the modal dialog all the same: it cannot take focus.
    link.focus()
    expect(document.activeElement).not.toBe(link)
    connector.close()
    expect(inertElements()).toEqual([alreadyInert])
    expect(live.inert).toBe(false)
  })

  test('two modals closed in the order they opened restore scroll and inertness', async () => {
    const before = styles()
    const first = await openModal()
    const second = await openModal()
    first.connector.close()
    second.connector.close()
    expect(dialogs()).toEqual([])
    expect(styles()).toEqual(before)
    expect(scrollLocked()).toBe(false)
    expect(inertElements()).toEqual([])
  })

  test('two modals closed in reverse order restore scroll and inertness', async () => {
    const before = styles()
    const first = await openModal()
    const second = await openModal()
    second.connector.close()
    first.connector.close()
    expect(styles()).toEqual(before)
    expect(inertElements()).toEqual([])
  })
})

describe('closes itself after any exit', () => {
  test.each([
    ['ExitSuccess', 'exitSuccess'],
    ['ExitAbort', 'exitAbort'],
    ['ExitError', 'exitError'],
  ])('%s', async (type, specific) => {
    const { connector, frame, log } = await openModal()
    postFromFrame(frame, quiltt(type, { connectionId: 'conn_1' }))
    await untilClosed(connector)
    expect(log.map(([name]) => name)).toEqual([specific, 'exit', 'event'])
    expect(dialogs()).toEqual([])
    expect(iframes()).toEqual([])
    expect(scrollLocked()).toBe(false)
  })

  test('and can be opened again afterwards', async () => {
    const { connector, frame } = await openModal()
    postFromFrame(frame, quiltt('ExitSuccess'))
    await untilClosed(connector)
    const again = await openAndGetFrame(connector)
    expect(again).not.toBe(frame)
    expect(connector.state).toBe('open')
    expect(theDialog().contains(again)).toBe(true)
  })

  test('but not after Navigate', async () => {
    const { connector, frame } = await openModal()
    postFromFrame(frame, quiltt('Navigate', { url: 'https://bank.example/' }))
    await sync(frame)
    expect(connector.state).toBe('open')
    expect(dialogs()).toHaveLength(1)
  })
})

test('modal events are recorded in order for a full session', async () => {
  const connector = create()
  const log = record(connector)
  const frame = await openAndGetFrame(connector)
  postFromFrame(frame, quiltt('ExitSuccess', { connectionId: 'conn_1' }))
  await untilClosed(connector)
  expect(log.map(([name, type]) => (name === 'event' ? `event:${type}` : name))).toEqual([
    'open',
    'event:opened',
    'load',
    'event:loaded',
    'exitSuccess',
    'exit',
    'event:exited.successful',
  ])
})
