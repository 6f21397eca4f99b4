/** The panel's size on a screen wider than it; a narrower screen gets the whole screen. */
const PANEL_WIDTH = 480
const PANEL_HEIGHT = 720

/**
 * Sizes the modal for what the screen shows (the visual viewport), not for the page: on a phone
 * the layout viewport can be far wider than the screen (a wide table, a page without
 * `<meta name="viewport">` shown zoomed out, a pinch-zoom), and CSS lengths (`100vw`, `%`) measure
 * that. The dialog is laid out at the screen's size in CSS pixels (`width × scale`) over the
 * visual viewport, then scaled by `1 / scale` to cover it exactly, so the Connector lays out as on
 * a page made for the phone. Follows the visual viewport until `stop()`; `fit()` measures again
 * at once (showing the modal locks scroll, which takes a desktop scrollbar's width away).
 */
export function fitToScreen(
  dialog: HTMLElement,
  panel: HTMLElement,
): { fit(): void; stop(): void } {
  // Every engine the SDK supports has it (null only in a document that is no longer shown).
  const viewport = window.visualViewport!
  const fit = () => {
    const { offsetLeft, offsetTop, width, height, scale } = viewport
    const screenWidth = width * scale
    Object.assign(dialog.style, {
      width: `${screenWidth}px`,
      height: `${height * scale}px`,
      transform: `translate(${offsetLeft}px,${offsetTop}px) scale(${1 / scale})`,
    })
    // The panel's width is min(100%, 480px) in CSS: the whole screen's on a narrow one, which
    // then gets its whole height too, and square corners.
    const whole = screenWidth <= PANEL_WIDTH
    panel.style.height = whole ? '100%' : `min(100%,${PANEL_HEIGHT}px)`
    panel.style.borderRadius = whole ? '0' : '12px'
  }
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    viewport[method]('resize', fit)
    viewport[method]('scroll', fit)
  }
  fit()
  listen('addEventListener')
  return { fit, stop: () => listen('removeEventListener') }
}
