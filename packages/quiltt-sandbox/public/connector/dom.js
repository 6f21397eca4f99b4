// @ts-check
// DOM helpers for the Connector page. Elements are built with DOM APIs only (never HTML
// strings), so user-controlled text cannot become markup and Trusted Types stay satisfied.

/**
 * @typedef {Node | string | null | undefined | false} Child
 * @typedef {Record<string, string | boolean | undefined | ((event: any) => void)>} Props
 */

/**
 * `h('button', { type: 'button', onclick: fn }, 'Done')`: `on*` functions become listeners,
 * `text` sets textContent, `true` makes an empty attribute, `false`/undefined are skipped.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value)
    else if (name === 'text' && typeof value === 'string') element.textContent = value
    else if (value === true) element.setAttribute(name, '')
    else if (typeof value === 'string') element.setAttribute(name, value)
  }
  for (const child of children) if (child) element.append(child)
  return element
}

/**
 * Replaces the app's content and moves focus to the new heading, so screen readers announce
 * each step.
 * @param {HTMLElement} root
 * @param {HTMLElement} screen
 */
export function show(root, screen) {
  root.replaceChildren(screen)
  const heading = screen.querySelector('h1')
  heading?.setAttribute('tabindex', '-1')
  heading?.focus()
}
