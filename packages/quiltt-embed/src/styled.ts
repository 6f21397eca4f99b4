/**
 * Creates an element styled through CSSOM (`style.cssText`), never style markup or a <style>
 * element, so everything the SDK draws holds under a strict CSP without 'unsafe-inline'.
 */
export function styled<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  css: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.style.cssText = css
  for (const name in attributes) node.setAttribute(name, attributes[name]!)
  return node
}
