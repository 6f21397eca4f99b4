import { documentBody, elementCall } from './dom'
import { createFrame } from './frame'
import { createModal } from './modal'
import { conceal } from './styled'
import { defineTransport } from './transport'

/**
 * The default transport: our own iframe, in the container or in a modal we draw. Mounted hidden
 * (by `preload()`), it is created where it will be shown, because an iframe that is moved reloads.
 *
 * @example
 * createConnector({ connectorId: 'abc123', token, transport: iframeTransport })
 */
export const iframeTransport = /* @__PURE__ */ defineTransport({
  inline: true,
  async mount(config, token, on, hidden) {
    const { origin, container } = config
    // The modal goes in document.body, which a <head> script (preloading as early as it can)
    // runs before: wait until the parser has made it.
    if (!container && !documentBody())
      await new Promise((resolve) => addEventListener('DOMContentLoaded', resolve, { once: true }))
    // The token travels only in this URL, to the exact Connector origin.
    const url = new URL('/', origin)
    const params = {
      mode: 'INLINE',
      token,
      connectionId: config.connectionId,
      institution: config.institution,
      app_launcher_url: config.appLauncherUrl,
      theme_mode: config.themeMode,
      // Origin and path only: the query and fragment may hold the host page's private data.
      embed_location: location.origin + location.pathname,
    }
    for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value)
    const frame = createFrame(url.href, config, on.message)
    const { element } = frame
    const { style } = element
    let remove = frame.remove
    let show: () => void
    if (container) {
      // Hidden, it is fixed (out of the flow), so the page's layout does not move until it shows.
      style.position = 'fixed'
      conceal(element, true)
      // Through the prototype: a container <form> may have a control named `append`.
      elementCall(container, 'append', element)
      show = () => {
        conceal(element, false)
        style.position = 'relative'
        // A container sized by its content (empty, or holding only text) would squeeze the
        // Connector to 150 px: if it grows with a 640 px Connector (or is not rendered yet), keep
        // that height; else fill the container.
        const height = container.clientHeight
        style.height = '640px'
        if (height && container.clientHeight === height) style.height = '100%'
      }
    } else {
      const modal = createModal(frame, config, on.dismiss)
      show = modal.show
      // The dialog closes first, with the Connector still inside it: if focus was in the Connector,
      // the browser gives it back to the opener.
      remove = () => {
        modal.remove()
        frame.remove()
      }
    }
    const reveal = () => {
      show()
      on.opened()
    }
    if (!hidden) reveal()
    return { post: frame.post, show: reveal, remove }
  },
})
