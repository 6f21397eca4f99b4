// The modal dialogs the SDK draws, and whether the user can reach one (a dialog below a newer
// modal one is inert).

export const dialogs = () => Array.from(document.querySelectorAll('[role="dialog"]'))

/**
 * Whether the user can reach `dialog`: its close button takes focus. A dialog below a newer modal
 * one is inert (the browser's doing), so it does not. Focus is put back where it was.
 */
export function takesFocus(dialog: Element): boolean {
  const before = document.activeElement as HTMLElement | null
  const close = dialog.querySelector('button')!
  close.focus()
  const took = document.activeElement === close
  before?.focus()
  return took
}
