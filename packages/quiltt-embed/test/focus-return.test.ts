// Focus goes back to the element that opened the modal (SPEC §6.1), wherever it is: inside a web
// component's shadow root, or a `<form>` whose controls shadow the members a focus call would use.
// Whatever the opener, the attempt settles.
import { afterEach, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { adopt, cleanup, create, dialogs, openAndGetFrame, uniqueId } from './helpers'
import { settled } from './preload-helpers'

afterEach(cleanup)

/** `<link-bank>`: a web component whose button lives in its open shadow root. */
function shadowButton(): { host: HTMLElement; button: HTMLButtonElement } {
  const host = adopt(document.createElement('div'))
  const button = document.createElement('button')
  button.textContent = 'Link your bank'
  host.attachShadow({ mode: 'open' }).append(button)
  return { host, button }
}

test('returns into a shadow root after close()', async () => {
  const { host, button } = shadowButton()
  button.focus()
  expect(host.shadowRoot!.activeElement).toBe(button)
  const connector = create()
  await openAndGetFrame(connector)
  expect(dialogs()[0]!.contains(document.activeElement)).toBe(true)
  connector.close()
  expect(document.activeElement).toBe(host)
  expect(host.shadowRoot!.activeElement).toBe(button)
})

test('returns into a shadow root after a real Escape', async () => {
  const { host, button } = shadowButton()
  button.focus()
  const connector = create()
  await openAndGetFrame(connector)
  await userEvent.keyboard('{Escape}')
  await vi.waitFor(() => expect(connector.state).toBe('closed'))
  expect(host.shadowRoot!.activeElement).toBe(button)
})

test('returns into a shadow root when the opener was in a modal closed first', async () => {
  // Focus cannot go back natively: the dialog it came from is gone. The recorded opener (the
  // deepest active element, through the shadow root) is focused instead.
  const { host, button } = shadowButton()
  button.focus()
  const [first, second] = [create(), create()]
  await first.open()
  await second.open()
  first.close()
  second.close()
  expect(document.activeElement).toBe(host)
  expect(host.shadowRoot!.activeElement).toBe(button)
})

/** A focusable `<form>` whose controls are named `focus` and `isConnected`, focused. */
function clobberingForm(): HTMLFormElement {
  const form = adopt(document.createElement('form'))
  form.tabIndex = 0
  for (const name of ['focus', 'isConnected']) {
    const input = document.createElement('input')
    input.name = name
    form.append(input)
  }
  expect(typeof form.focus).not.toBe('function')
  HTMLElement.prototype.focus.call(form)
  expect(document.activeElement).toBe(form)
  return form
}

test('a clobbering <form> opener: Escape before Load settles open() and focus goes back', async () => {
  const form = clobberingForm()
  // `noload`: the puppet never sends Load, so Escape comes first.
  const connector = create({ connectorId: uniqueId('noload') })
  const opening = connector.open()
  await vi.waitFor(() => expect(dialogs()).toHaveLength(1))
  await userEvent.keyboard('{Escape}')
  expect(await settled(opening)).toBe('resolved')
  expect(connector.state).toBe('closed')
  expect(document.activeElement).toBe(form)
})

test('a clobbering <form> opener: closed by a newer modal taking its place, focus still settles', async () => {
  const form = clobberingForm()
  const [first, second] = [create(), create()]
  await first.open()
  await second.open()
  first.close()
  second.close()
  expect(document.activeElement).toBe(form)
})
