import { activeElement, documentBody } from './dom'

/**
 * The element that really has focus: `document.activeElement` stops at a shadow host, so this
 * follows open shadow roots down to the button inside a web component. `shadowRoot` is read
 * directly: a `<form>`, whose controls can shadow it, cannot host a shadow root, so there it
 * gives a control (with no `activeElement`) and the form itself is the answer.
 */
export function deepActiveElement(): Element | null {
  let active: Element | null = activeElement()
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
  return active
}

/**
 * Gives focus back to `opener` if it was lost to `body` (the browser's own return did not happen:
 * the opener's dialog was closed first, or the engine left focus nowhere). Called through
 * `HTMLElement.prototype`: a `<form>` opener's controls named `focus` or `isConnected` shadow its
 * own members, and a throw here would leave the attempt unsettled.
 */
export function restoreFocus(opener: Element | null): void {
  // An opener taken out of the page meanwhile cannot take focus: the call does nothing then.
  if (activeElement() === documentBody() && opener instanceof HTMLElement)
    HTMLElement.prototype.focus.call(opener)
}
