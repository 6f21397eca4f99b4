import { createFrame } from './frame'
import { openModal } from './modal'
import type { TransportDriver } from './transport'

/** Builds the Connector URL; the token travels only in it, to the exact Connector origin. */
function connectorUrl(config: Parameters<TransportDriver>[0], token: string): string {
  const url = new URL('/', config.origin)
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
  return url.href
}

/** The default transport: our own iframe, in the container or in a modal we draw. */
export const iframeTransport: TransportDriver = async (config, token, on) => {
  const frame = createFrame(connectorUrl(config, token), config.origin, on.message)
  let removeModal: (() => void) | undefined
  const { container } = config
  if (container) {
    // A container without a height of its own would squeeze the Connector to 150 px.
    if (!container.clientHeight) frame.element.style.height = '640px'
    container.append(frame.element)
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
