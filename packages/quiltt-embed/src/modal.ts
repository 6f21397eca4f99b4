import { activeElement, documentBody, documentRoot } from './dom'
import type { Frame } from './frame'
import { conceal, styled } from './styled'
import { colorScheme } from './theme'
import type { NormalizedOptions } from './types'

// Colours: light-dark() resolved from the overlay's color-scheme (the theme; see theme.ts).
// Full screen at <= 480 px without a media query: `(481px - 100vw) * 9999` is <= 0 on wide
// viewports and huge on narrow ones (`100vw - 480px` the other way round, for the corners), so
// min()/max()/clamp() switch between the two layouts. No outline: the dialog takes focus only to
// hear Escape, and a focus ring round the whole viewport would tell the user nothing.
const OVERLAY =
  'position:fixed;inset:0;z-index:2147483647;outline:0;display:flex;align-items:center;justify-content:center;background:#0009'
// The top padding is a bar for the close button, so it never covers the Connector's own controls;
// the other sides keep the Connector out of notches and home indicators when full screen.
const PANEL =
  'position:relative;box-sizing:border-box;width:min(100%,max(480px,(481px - 100vw)*9999));height:min(100%,max(720px,(481px - 100vw)*9999));padding:calc(40px + max(8px,env(safe-area-inset-top))) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);border-radius:clamp(0px,(100vw - 480px)*9999,12px);overflow:hidden;background:#fff;background:light-dark(#fff,#0f172a)'
// all:revert drops the host page's button rules (white text, padding...) but keeps the browser's
// focus ring, whose colour is set here (outline-color applies when :focus-visible draws it).
const CLOSE =
  'all:revert;position:absolute;top:max(8px,env(safe-area-inset-top));right:max(8px,env(safe-area-inset-right));width:32px;height:32px;padding:0;border:0;border-radius:50%;background:#fff;background:light-dark(#fff,#0f172a);color:#0f172a;color:light-dark(#0f172a,#f1f5f9);outline-color:#4f46e5;outline-color:light-dark(#4f46e5,#a5b4fc);font:20px system-ui;cursor:pointer'

/** Shown modals, oldest first; only the newest is interactive. */
const stack: { overlay: HTMLElement; opener: HTMLElement | null }[] = []
let unlockPage: (() => void) | undefined

/**
 * Makes a shown modal the top one or puts it below. All overlays share the highest z-index, so
 * DOM order would decide, and a preloaded overlay sits before those appended after it (moving it
 * would reload its Connector): older modals step one below instead.
 */
function raise({ overlay }: (typeof stack)[number], top: boolean): void {
  overlay.inert = !top
  overlay.style.zIndex = top ? '2147483647' : '2147483646'
}

/**
 * Locks page scroll (keeping the scrollbar's width, so nothing shifts) and makes the page inert,
 * once for however many modals are open; the returned function restores exactly what was there.
 * Hidden (prepared) modals are inert already and stay out of it.
 */
function lockPage(): () => void {
  const root = documentRoot()
  const body = documentBody()!
  const { style } = root
  // Longhands, so an overflow-y the page set itself comes back exactly.
  const saved = [style.overflowX, style.overflowY, body.style.paddingRight]
  const gap = innerWidth - root.clientWidth
  const inert = [...body.children].filter((node) => !(node as HTMLElement).inert) as HTMLElement[]
  if (gap > 0) body.style.paddingRight = `calc(${getComputedStyle(body).paddingRight} + ${gap}px)`
  style.overflow = 'hidden'
  for (const node of inert) node.inert = true
  return () => {
    for (const node of inert) node.inert = false
    ;[style.overflowX, style.overflowY, body.style.paddingRight] = saved as [string, string, string]
  }
}

/**
 * Draws the modal around the Connector frame, hidden: `show()` reveals it, moves focus into the
 * dialog and keeps it there, and locks the page behind it; `remove()` undoes all of it and gives
 * focus back to the opener. `onDismiss` runs on Escape or the close button.
 */
export function createModal(
  { element, iframe }: Frame,
  { labels, themeMode }: NormalizedOptions,
  onDismiss: () => void,
): { show(): void; remove(): void } {
  // tabindex=-1: the dialog itself takes focus, so Escape reaches us before the user tabs into
  // the cross-origin Connector (whose keys we cannot see).
  const overlay = styled('div', OVERLAY, {
    role: 'dialog',
    'aria-modal': 'true',
    'aria-label': labels.dialog,
    tabindex: '-1',
  })
  overlay.style.colorScheme = colorScheme(themeMode)
  const panel = styled('div', PANEL)
  const close = styled('button', CLOSE, { type: 'button', 'aria-label': labels.close })
  const entry = { overlay, opener: null as HTMLElement | null }
  const onKey = (event: KeyboardEvent) =>
    event.key === 'Escape' && stack.at(-1) === entry && onDismiss()
  // Focus landing outside the newest dialog is brought back in: a focus trap without sentinels.
  const onFocus = (event: FocusEvent) =>
    stack.at(-1) !== entry || overlay.contains(event.target as Node) || iframe.focus()
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    window[method]('keydown', onKey as EventListener, true)
    window[method]('focusin', onFocus as EventListener, true)
  }

  close.textContent = '×'
  close.onclick = onDismiss
  panel.append(element, close)
  overlay.append(panel)
  conceal(overlay, true)
  documentBody()!.append(overlay)

  return {
    show() {
      entry.opener = activeElement()
      unlockPage ??= lockPage()
      for (const older of stack) raise(older, false)
      conceal(overlay, false)
      stack.push(entry)
      listen('addEventListener')
      overlay.focus()
    },
    remove() {
      overlay.remove()
      const index = stack.indexOf(entry)
      if (index < 0) return
      listen('removeEventListener')
      stack.splice(index, 1)
      // A modal opened from inside this one inherits our opener, so focus finds its way back to
      // the page however the stack is closed (newest or oldest first).
      for (const other of stack) if (overlay.contains(other.opener)) other.opener = entry.opener
      const top = stack.at(-1)
      if (top) raise(top, true)
      else {
        unlockPage?.()
        unlockPage = undefined
      }
      // Closing an older modal leaves focus in the newest one, which is still open.
      if (index === stack.length && entry.opener?.isConnected) entry.opener.focus()
    },
  }
}
