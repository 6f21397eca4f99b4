import { lockScroll } from './lock-scroll'

/** A shown modal, as the page-wide listener sees it. */
export interface ShownModal {
  dialog: HTMLDialogElement
  close: HTMLButtonElement
  /** The element focused when it was shown, where focus goes back to. */
  opener: Element | null
  /** Escape or the close button: the user leaves. */
  dismiss(): void
}

/**
 * The user's input inside our dialog. A page dialog (Radix, Headless UI, MUI, Angular CDK) listens
 * for these on `document` or its own elements, and would take a press in the Connector for an
 * outside click, our Escape for its own, or our focus for an escape from its focus trap.
 */
const OWN_EVENTS = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'touchstart',
  'touchend',
  'focus',
  'focusin',
  'focusout',
  'keydown',
  'keyup',
] as const

/** Shown modals, oldest first; the browser lets only the newest take input. */
const shown: ShownModal[] = []
let release: (() => void) | undefined

/**
 * Window, capture phase: runs before any listener on `document` or an element. The event goes no
 * further (default actions still happen: focus, typing, Tab), so this is also where the close
 * button's click and Escape are handled.
 */
function keepInside(event: Event): void {
  const { target } = event
  const modal = target instanceof Node && shown.find(({ dialog }) => dialog.contains(target))
  if (!modal) return
  event.stopImmediatePropagation()
  if (event.type === 'click' && modal.close.contains(target)) modal.dismiss()
  else if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Escape') {
    // The browser's own Escape would next close the dialog below ours (the page's): it is ours.
    // Only the newest modal can have focus: the browser makes the older ones inert.
    event.preventDefault()
    modal.dismiss()
  }
}

function listen(method: 'addEventListener' | 'removeEventListener'): void {
  for (const type of OWN_EVENTS) window[method](type, keepInside, true)
}

/** Adds a shown modal; the first one locks page scroll and starts listening. */
export function pushModal(modal: ShownModal): void {
  if (!shown.length) {
    const unlock = lockScroll()
    listen('addEventListener')
    release = () => {
      listen('removeEventListener')
      unlock()
    }
  }
  shown.push(modal)
}

/** Takes a modal off the stack; the last one gives the page back. */
export function dropModal(modal: ShownModal): void {
  shown.splice(shown.indexOf(modal), 1)
  // A modal opened from inside this one inherits our opener, so focus finds its way back to the
  // page however the stack is closed (newest or oldest first).
  for (const other of shown) if (modal.dialog.contains(other.opener)) other.opener = modal.opener
  if (!shown.length) release!()
}
