// Markup that clobbers `document` (issue 16's hostile review). Document lets named elements shadow
// its members: `<img name="body">` makes `document.body` that <img>, `<img name="addEventListener">`
// replaces the method. A sanitizer that keeps `name` lets user content do this. The modal must
// still go into the real body, take and give back focus, and leave the page usable after.
import { afterEach, expect, test, vi } from 'vitest'
import { autoBind } from '../src/index'
import {
  cleanup,
  connectorUrl,
  create,
  makeContainer,
  makeToken,
  onCleanup,
  uniqueId,
} from './helpers'

const real = <T>(key: string): T =>
  Object.getOwnPropertyDescriptor(Document.prototype, key)!.get!.call(document)
const realBody = () => real<HTMLElement>('body')
const focused = () => real<Element | null>('activeElement')

const SHADOWED = [
  'querySelectorAll',
  'body',
  'documentElement',
  'head',
  'activeElement',
  'readyState',
  'createElement',
  'querySelector',
  'addEventListener',
  'removeEventListener',
]
let clobbers: HTMLElement[] = []

/** Injects `<img name=…>` for each shadowed member, and checks that it really shadows it. */
function clobberDocument(): void {
  clobbers = SHADOWED.map((name) => {
    const img = document.createElement('img')
    img.name = name
    return img
  })
  realBody().append(...clobbers)
  for (const name of SHADOWED)
    expect((document as unknown as Record<string, unknown>)[name]).toBeInstanceOf(HTMLImageElement)
}

afterEach(() => {
  for (const img of clobbers.splice(0)) img.remove()
  cleanup()
})

test('a modal still opens in the real body, traps focus, closes on Escape and restores the page', async () => {
  const opener = realBody().appendChild(document.createElement('button'))
  opener.textContent = 'Link your bank'
  opener.focus()
  clobberDocument()
  try {
    const connector = create()
    await connector.open()
    const dialog = realBody().querySelector<HTMLElement>(':scope > [role="dialog"]')
    expect(dialog).not.toBeNull()
    expect(getComputedStyle(dialog!).visibility).toBe('visible')
    expect(dialog!.contains(focused())).toBe(true)
    expect(opener.inert).toBe(true)
    expect(getComputedStyle(real<HTMLElement>('documentElement')).overflowY).toBe('hidden')

    // Focus leaving the dialog is brought back in (the trap listens on window).
    opener.inert = false
    opener.focus()
    expect(dialog!.contains(focused())).toBe(true)
    opener.inert = true

    dialog!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(connector.state).toBe('closed')
    expect(dialog!.isConnected).toBe(false)
    expect(focused()).toBe(opener)
    expect(opener.inert).toBe(false)
    expect(getComputedStyle(real<HTMLElement>('documentElement')).overflowY).not.toBe('hidden')
  } finally {
    opener.remove()
  }
})

test('an inline container given by selector is found, and its Connector loads', async () => {
  const container = makeContainer()
  clobberDocument()
  const connector = create({ container: `#${container.id}` })
  await connector.open()
  // open() resolved: the Connector in the container has loaded.
  const frame = container.querySelector('iframe')
  expect(frame).not.toBeNull()
  expect(new URL(frame!.src).origin).toBe(
    new URL(connectorUrl.replace('{connectorId}', connector.connectorId)).origin,
  )
  expect(connector.state).toBe('open')
})

test("autoBind(document) still finds and binds the page's buttons", async () => {
  const button = realBody().appendChild(document.createElement('button'))
  onCleanup(() => button.remove())
  button.dataset.quilttButton = uniqueId()
  clobberDocument()
  onCleanup(autoBind(document, { token: makeToken(), connectorUrl }))
  button.click()
  await vi.waitFor(() =>
    expect(realBody().querySelector(':scope > [role="dialog"]')).not.toBeNull(),
  )
})
