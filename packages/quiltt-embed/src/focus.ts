import { activeElement, documentBody, isConnected } from './dom'

const shadowRootOf = (element: Element): ShadowRoot | null =>
  Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot')!.get!.call(element)

/**
 * The element that really has focus: `document.activeElement` stops at a shadow host, so this
 * follows open shadow roots down to the button inside a web component.
 */
export function deepActiveElement(): Element | null {
  let active: Element | null = activeElement()
  while (active) {
    const inner = shadowRootOf(active)?.activeElement
    if (!inner) break
    active = inner
  }
  return active
}

/**
 * Gives focus back to `opener` if it was lost to `body` (the browser's own return did not happen:
 * the opener's dialog was closed first, or the engine left focus nowhere). Called through
 * `HTMLElement.prototype`: a `<form>` opener's controls named `focus` or `isConnected` shadow its
 * own members, and a throw here would leave the attempt unsettled.
 */
export function restoreFocus(opener: Element | null): void {
  const active = activeElement()
  if (active && active !== documentBody()) return
  if (opener instanceof HTMLElement && isConnected(opener)) HTMLElement.prototype.focus.call(opener)
}
