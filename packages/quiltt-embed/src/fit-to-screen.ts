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
  const viewport = window.visualViewport
  const fit = () => {
    const { offsetLeft, offsetTop, width, height, scale } = viewport ?? {
      offsetLeft: 0,
      offsetTop: 0,
      width: innerWidth,
      height: innerHeight,
      scale: 1,
    }
    const screenWidth = width * scale
    Object.assign(dialog.style, {
      left: `${offsetLeft}px`,
      top: `${offsetTop}px`,
      width: `${screenWidth}px`,
      height: `${height * scale}px`,
      transform: `scale(${1 / scale})`,
    })
    const whole = screenWidth <= PANEL_WIDTH
    Object.assign(panel.style, {
      width: whole ? '100%' : `min(100%,${PANEL_WIDTH}px)`,
      height: whole ? '100%' : `min(100%,${PANEL_HEIGHT}px)`,
      borderRadius: whole ? '0' : '12px',
    })
  }
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    viewport?.[method]('resize', fit)
    viewport?.[method]('scroll', fit)
  }
  fit()
  listen('addEventListener')
  return { fit, stop: () => listen('removeEventListener') }
}
