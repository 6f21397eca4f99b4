// What the user sees of the modal and of the page behind it: where focus is, the dialog's
// attributes and geometry, the loading indicator, a prepared (hidden) Connector, the page's
// scroll and styles. Also the page-side actions the scenarios need (focus, scroll, style).
;((kit) => {
  const { frameOf, nameOf, box, dialog } = kit

  Object.assign(window.harness, {
    /** What has focus, as a user would name it. */
    active: () => nameOf(document.activeElement),
    focus(selector) {
      document.querySelector(selector).focus()
      return nameOf(document.activeElement)
    },
    dialog: () => {
      const element = dialog()
      return element
        ? {
            role: element.getAttribute('role'),
            modal: element.getAttribute('aria-modal'),
            label: element.getAttribute('aria-label'),
            inBody: element.parentElement === document.body,
            // In the top layer as a modal (showModal()): the browser makes the rest inert.
            isModal: element.matches(':modal'),
          }
        : null
    },
    /** Geometry of the overlay, its panel, the close button and the Connector frame. */
    layout() {
      const overlay = dialog()
      const panel = overlay.firstElementChild
      const close = overlay.querySelector('button[aria-label="Close"]')
      return {
        viewport: { width: innerWidth, height: innerHeight },
        overlay: box(overlay),
        panel: box(panel),
        close: box(close),
        frame: box(overlay.querySelector('iframe')),
        radius: getComputedStyle(panel).borderTopLeftRadius,
        dim: getComputedStyle(overlay).backgroundColor,
      }
    },
    /** The loading indicator inside `holder` (the dialog, or the connector's container). */
    loading(connectorId) {
      const holder = dialog() ?? document.getElementById(`host-${connectorId}`)
      const status = holder?.querySelector('[role="status"]')
      const frame = frameOf(connectorId)
      return {
        status: status ? status.textContent : null,
        visible: status ? status.getBoundingClientRect().height > 0 : false,
        spinning: document.getAnimations().filter((a) => a.playState === 'running').length,
        frameOpacity: frame ? getComputedStyle(frame).opacity : null,
      }
    },
    /** What the modal does to the page behind it. */
    page() {
      const root = document.documentElement
      return {
        inert: ['header', 'content'].filter((id) => document.getElementById(id).inert),
        overflow: getComputedStyle(root).overflowY,
        styles: [root.style.cssText, document.body.style.cssText],
        content: box(document.getElementById('content')),
        header: box(document.getElementById('header')),
        scrollY,
        clientWidth: root.clientWidth,
      }
    },
    scrollTo(y) {
      scrollTo(0, y)
      return scrollY
    },
    /** Is anything of this prepared connector visible, focusable or in the way of the page? */
    prepared(connectorId) {
      const frame = frameOf(connectorId)
      const hidden = frame.closest('[aria-hidden="true"]')
      return {
        visible: frame.checkVisibility({ visibilityProperty: true }),
        inert: Boolean(frame.closest('[inert]')),
        ariaHidden: Boolean(hidden),
        dialogShown: dialog()?.checkVisibility({ visibilityProperty: true }) ?? false,
      }
    },
    /** Styles an element through CSSOM (style attributes are blocked by the strict pages). */
    setStyle(id, property, value) {
      document.getElementById(id).style[property] = value
    },
    scrollIntoView(id) {
      document.getElementById(id).scrollIntoView()
    },
  })
})(window.harnessKit)
