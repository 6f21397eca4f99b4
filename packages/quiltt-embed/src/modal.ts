import { documentBody } from './dom'
import { fitToScreen } from './fit-to-screen'
import { deepActiveElement, restoreFocus } from './focus'
import type { Frame } from './frame'
import { dropModal, pushModal, type ShownModal } from './modal-stack'
import { conceal, styled } from './styled'
import { colorScheme } from './theme'
import type { NormalizedOptions } from './types'

// Colours: light-dark() resolved from the dialog's color-scheme (the theme; see theme.ts).
// The <dialog> is the full-viewport overlay. `all:revert` first: a page's rules for `dialog`
// (classless CSS such as Pico's sets margin, padding, border, background, max sizes, blur) must
// not change it; what it relies on is set after. pointer-events: the page's body may have none
// (Radix sets it while its dialog is open), and ours would inherit it. Its position and size come
// from fit-to-screen.ts. No outline: the dialog takes focus only to hear Escape, and a focus ring
// round the whole screen would tell the user nothing. Placed by its top-left corner only: with
// right and bottom set too (the browser's own rule for a modal dialog), a right-to-left page would
// place it by its right edge.
const DIALOG =
  'all:revert;position:fixed;inset:0 auto auto 0;max-width:none;max-height:none;margin:0;padding:0;border:0;overflow:hidden;outline:0;pointer-events:auto;transform-origin:0 0;background:#0009'
// Centred by inset:0 + margin:auto, whatever display a page's rule gives the dialog; 480 px wide
// at most (fit-to-screen.ts sets its height and corners by the screen's width). The top padding is a bar for the close button, so it never
// covers the Connector's own controls; the other sides keep the Connector out of notches and home
// indicators when it fills the screen.
const PANEL =
  'position:absolute;inset:0;width:min(100%,480px);margin:auto;box-sizing:border-box;padding:calc(40px + max(8px,env(safe-area-inset-top))) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);overflow:hidden;background:#fff;background:light-dark(#fff,#0f172a)'
// all:revert drops the host page's button rules (white text, padding...) but keeps the browser's
// focus ring, whose colour is set here (outline-color applies when :focus-visible draws it). At
// the inline end: top-right, or top-left on a right-to-left page, as dialogs mirror.
const CLOSE =
  'all:revert;position:absolute;top:max(8px,env(safe-area-inset-top));inset-inline-end:max(8px,env(safe-area-inset-left),env(safe-area-inset-right));width:32px;height:32px;padding:0;border:0;border-radius:50%;background:#fff;background:light-dark(#fff,#0f172a);color:#0f172a;color:light-dark(#0f172a,#f1f5f9);outline-color:#4f46e5;outline-color:light-dark(#4f46e5,#a5b4fc);font:20px system-ui;cursor:pointer'

/**
 * Draws the modal around the Connector frame, hidden: a closed `<dialog>` laid out at the size it
 * will be shown at, so a prepared Connector loads at its real size. `show()` puts it in the
 * browser's top layer (`showModal()`: above anything the page drew, the rest of the page inert),
 * focuses it and locks page scroll; `remove()` undoes all of it and gives focus back to the
 * opener. `onDismiss` runs on Escape, the close button, or a close the SDK did not ask for.
 */
export function createModal(
  { element }: Frame,
  { labels, themeMode }: NormalizedOptions,
  onDismiss: () => void,
): { show(): void; remove(): void } {
  // tabindex=-1: the dialog itself takes focus, so Escape reaches us before the user tabs into
  // the cross-origin Connector (whose keys we cannot see).
  const dialog = styled('dialog', DIALOG, {
    role: 'dialog',
    'aria-modal': 'true',
    'aria-label': labels.dialog,
    tabindex: '-1',
  })
  dialog.style.colorScheme = colorScheme(themeMode)
  const panel = styled('div', PANEL)
  const close = styled('button', CLOSE, { type: 'button', 'aria-label': labels.close })
  const modal: ShownModal = { dialog, close, opener: null, dismiss: onDismiss }
  let shown = false
  // A close request that did not come as an Escape we handled (Android's back gesture): ours,
  // the top modal, is the one it closes; we close it, with exitAbort.
  dialog.oncancel = (event) => {
    event.preventDefault()
    onDismiss()
  }
  // Closed by anyone else (the page, a close request that could not be cancelled): taken away.
  dialog.onclose = () => shown && onDismiss()

  close.textContent = '\u00d7'
  panel.append(element, close)
  dialog.append(panel)
  // Closed, a <dialog> is display:none and the Connector would load at 0×0: laid out instead,
  // and hidden, inert and out of the accessibility tree until shown.
  dialog.style.display = 'block'
  conceal(dialog, true)
  const screen = fitToScreen(dialog, panel)
  documentBody()!.append(dialog)

  return {
    show() {
      // A page that replaced its body while the Connector waited prepared (Turbo does on every
      // visit) took the dialog with it: put it back, its Connector loading again, rather than
      // have showModal() throw.
      if (!dialog.isConnected) documentBody()!.append(dialog)
      shown = true
      modal.opener = deepActiveElement()
      pushModal(modal)
      // Back to the browser's own display (none once closed). conceal() also lifts an `inert`
      // a page's dialog library put on it meanwhile (Headless UI marks the body's other children).
      dialog.style.display = 'revert'
      conceal(dialog, false)
      dialog.showModal()
      // WebKit leaves focus on body, Chromium and Firefox in the Connector, where we hear no key.
      dialog.focus()
      screen.fit()
    },
    remove() {
      screen.stop()
      // close() first: the browser gives focus back to what had it before, in a shadow root too.
      dialog.close()
      dialog.remove()
      if (!shown) return
      shown = false
      dropModal(modal)
      restoreFocus(modal.opener)
    },
  }
}
