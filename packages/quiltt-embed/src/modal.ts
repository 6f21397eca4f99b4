// Inline styles through CSSOM (`style.cssText`), never a <style> element or style attribute
// markup, so the modal works under a strict CSP without 'unsafe-inline'.
// Full screen at <= 480 px without a media query: `(481px - 100vw) * 9999` is <= 0 on wide
// viewports and huge on narrow ones, so min()/max()/clamp() switch between the two layouts.
const OVERLAY =
  'position:fixed;inset:0;z-index:2147483647;display:flex;align-items:center;justify-content:center;background:rgba(15,23,42,.6)'
const PANEL =
  'position:relative;width:min(100%,max(480px,(481px - 100vw)*9999));height:min(100%,max(720px,(481px - 100vw)*9999));border-radius:clamp(0px,(100vw - 481px)*9999,12px);overflow:hidden;background:#fff'
const CLOSE =
  'position:absolute;top:max(8px,env(safe-area-inset-top));right:max(8px,env(safe-area-inset-right));width:32px;height:32px;border:0;border-radius:50%;background:#fffe;font:20px/1 system-ui;cursor:pointer'

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  css: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  node.style.cssText = css
  return node
}

/**
 * Draws the modal around the Connector iframe, moves focus into it and keeps it there, locks page
 * scroll (compensating the scrollbar) and makes the rest of the page inert. The returned function
 * undoes all of it exactly and gives focus back to the opener. `onDismiss` runs on Escape or the
 * close button.
 */
export function openModal(iframe: HTMLIFrameElement, onDismiss: () => void): () => void {
  const opener = document.activeElement as HTMLElement | null
  const root = document.documentElement
  const body = document.body
  const overlay = element('div', OVERLAY)
  const panel = element('div', PANEL)
  const close = element('button', CLOSE)
  overlay.setAttribute('role', 'dialog')
  overlay.setAttribute('aria-modal', 'true')
  overlay.setAttribute('aria-label', 'Quiltt Connector')
  close.type = 'button'
  close.textContent = '×'
  close.setAttribute('aria-label', 'Close')
  close.onclick = onDismiss
  panel.append(iframe, close)
  overlay.append(panel)

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onDismiss()
  }
  // Focus that lands outside the dialog is brought back in: a focus trap without sentinels.
  const onFocus = (event: FocusEvent) => {
    if (!overlay.contains(event.target as Node)) iframe.focus()
  }
  const saved = [root.style.overflow, body.style.paddingRight]
  const gap = innerWidth - root.clientWidth
  const inert = Array.from(body.children).filter(
    (node) => !(node as HTMLElement).inert,
  ) as HTMLElement[]

  if (gap > 0) body.style.paddingRight = `calc(${getComputedStyle(body).paddingRight} + ${gap}px)`
  root.style.overflow = 'hidden'
  for (const node of inert) node.inert = true
  body.append(overlay)
  document.addEventListener('keydown', onKey, true)
  document.addEventListener('focusin', onFocus, true)
  iframe.focus()

  return () => {
    document.removeEventListener('keydown', onKey, true)
    document.removeEventListener('focusin', onFocus, true)
    for (const node of inert) node.inert = false
    overlay.remove()
    ;[root.style.overflow, body.style.paddingRight] = saved as [string, string]
    if (opener?.isConnected) opener.focus()
  }
}
