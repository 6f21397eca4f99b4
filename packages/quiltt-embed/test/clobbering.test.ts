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

test('a modal still opens in the real body, keeps focus, closes on Escape and restores the page', async () => {
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
    // In the top layer: the browser makes the rest of the page inert, so focus cannot leave.
    expect(dialog!.matches(':modal')).toBe(true)
    opener.focus()
    expect(dialog!.contains(focused())).toBe(true)
    expect(getComputedStyle(real<HTMLElement>('documentElement')).overflowY).toBe('hidden')

    dialog!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(connector.state).toBe('closed')
    expect(dialog!.isConnected).toBe(false)
    expect(focused()).toBe(opener)
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

// Issue 19, item 5: a form's named controls shadow its own members too (`<input
// name="getAttribute">`), so markup could make binding a `<form data-quiltt-button>` throw, and one
// throw ended the whole scan: the page's own buttons stayed dead.
const ELEMENT_MEMBERS = [
  'getAttribute',
  'hasAttribute',
  'addEventListener',
  'removeEventListener',
  'closest',
  'matches',
  'dispatchEvent',
  'isConnected',
  'querySelectorAll',
]

/** `<form data-quiltt-button=ID><input name=NAME><button type=button>`; its real button. */
function clobberedForm(name: string, connectorId: string): HTMLFormElement {
  const form = document.createElement('form')
  const input = document.createElement('input')
  input.name = name
  const button = document.createElement('button')
  button.type = 'button'
  button.textContent = `Link (${name})`
  form.append(input, button)
  form.dataset.quilttButton = connectorId
  expect((form as unknown as Record<string, unknown>)[name]).toBe(input)
  return form
}

const dialogOf = (connectorId: string) =>
  [...realBody().querySelectorAll(':scope > [role="dialog"]')].find((dialog) =>
    [...dialog.querySelectorAll('iframe')].some(
      (frame) =>
        new URL(frame.src).origin ===
        new URL(connectorUrl.replace('{connectorId}', connectorId)).origin,
    ),
  )

/** An inline `<form data-quiltt-container>` whose control `name` shadows one of its members. */
function clobberedContainer(name: string): { form: HTMLFormElement; events: string[] } {
  const form = clobberedForm(name, uniqueId())
  form.dataset.quilttContainer = form.dataset.quilttButton
  delete form.dataset.quilttButton
  const events: string[] = []
  for (const type of ['quiltt:load', 'quiltt:error'])
    form.addEventListener(type, (event) =>
      events.push(type === 'quiltt:error' ? (event as CustomEvent).detail.error.code : 'load'),
    )
  return { form, events }
}

test("forms whose controls shadow element methods bind, and never stop the page's other buttons", async () => {
  const forms = ELEMENT_MEMBERS.map((name) => clobberedForm(name, uniqueId()))
  // A container cannot be one whose `nodeType` is an <input>: it is refused, alone.
  const refused = clobberedContainer('nodeType')
  const inline = clobberedContainer('append')
  const plain = document.createElement('button')
  plain.dataset.quilttButton = uniqueId()
  // The clobbered forms come first in document order: the scan meets them before the plain button.
  realBody().append(refused.form, ...forms, inline.form, plain)
  onCleanup(() => {
    for (const node of [refused.form, ...forms, inline.form, plain]) node.remove()
  })
  const unbind = autoBind(document, { token: makeToken(), connectorUrl })
  let unbound = false
  onCleanup(() => unbound || unbind())
  expect(refused.events).toEqual(['INVALID_OPTIONS'])
  await vi.waitFor(() => expect(inline.events).toEqual(['load']))

  plain.click()
  await vi.waitFor(() => expect(dialogOf(plain.dataset.quilttButton!)).toBeDefined())
  for (const form of forms) {
    form.querySelector('button')!.click()
    await vi.waitFor(() => expect(dialogOf(form.dataset.quilttButton!)).toBeDefined())
  }

  // A bound form taken out of the page is unbound (its Connector destroyed), `isConnected` or not.
  const detached = forms.find((form) => form.querySelector('input')!.name === 'isConnected')!
  detached.remove()
  await vi.waitFor(() => expect(dialogOf(detached.dataset.quilttButton!)).toBeUndefined())

  unbound = true
  unbind()
  expect(realBody().querySelectorAll(':scope > [role="dialog"]')).toHaveLength(0)
})

test('autoBind(form) binds the form itself and what is inside it, whatever its controls shadow', async () => {
  const root = clobberedForm('matches', uniqueId())
  for (const name of ['querySelectorAll', 'closest']) {
    const input = document.createElement('input')
    input.name = name
    root.append(input)
  }
  const inner = document.createElement('button')
  inner.type = 'button'
  inner.dataset.quilttButton = uniqueId()
  root.append(inner)
  realBody().append(root)
  onCleanup(() => root.remove())
  onCleanup(autoBind(root, { token: makeToken(), connectorUrl }))

  inner.click()
  await vi.waitFor(() => expect(dialogOf(inner.dataset.quilttButton!)).toBeDefined())
  root.querySelector<HTMLButtonElement>('button:not([data-quiltt-button])')!.click()
  await vi.waitFor(() => expect(dialogOf(root.dataset.quilttButton!)).toBeDefined())
})
