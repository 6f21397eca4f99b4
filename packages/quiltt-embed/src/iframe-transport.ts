import { createFrame } from './frame'
import { openModal } from './modal'
import type { TransportDriver } from './transport'

/** The default transport: our own iframe, in the container or in a modal we draw. */
export const iframeTransport: TransportDriver = async (config, token, on) => {
  const { origin, container } = config
  // The token travels only in this URL, to the exact Connector origin.
  const url = new URL('/', origin)
  const params = {
    mode: 'INLINE',
    token,
    connectionId: config.connectionId,
    institution: config.institution,
    app_launcher_url: config.appLauncherUrl,
    // Origin and path only: the query and fragment may hold the host page's private data.
    embed_location: location.origin + location.pathname,
  }
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value)
  const frame = createFrame(url.href, origin, on.message)
  let removeModal: (() => void) | undefined
  if (container) {
    // A container sized by its content (empty, or holding only text) would squeeze the Connector
    // to 150 px: if it grows with a 640 px Connector (or is not rendered yet), keep that height;
    // else fill the container.
    container.append(frame.element)
    const { style } = frame.element
    const height = container.clientHeight
    style.height = '640px'
    if (height && container.clientHeight === height) style.height = '100%'
  } else removeModal = openModal(frame, on.dismiss)
  on.opened()
  return {
    post: frame.post,
    remove() {
      frame.remove()
      removeModal?.()
    },
  }
}
