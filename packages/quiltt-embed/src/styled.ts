import { createElement } from './dom'

/**
 * Creates an element styled through CSSOM (`style.cssText`), never style markup or a <style>
 * element, so everything the SDK draws holds under a strict CSP without 'unsafe-inline'.
 */
export function styled<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  css: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = createElement(tag)
  node.style.cssText = css
  // Own entries only: `for…in` would also set a polluted `Object.prototype.onload` or `srcdoc`.
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  return node
}

/**
 * Hides a prepared Connector (or shows it again): invisible, out of the tab order and of the
 * accessibility tree, and transparent to clicks, without removing it from the DOM — an iframe
 * that is moved or re-inserted reloads.
 */
export function conceal(node: HTMLElement, hidden: boolean): void {
  node.style.visibility = hidden ? 'hidden' : ''
  node.inert = hidden
  node.ariaHidden = hidden ? 'true' : null
}
