import { parseMessage, type QuilttMessage } from './parse-message'

/** The Connector iframe and its message channel. */
export interface Frame {
  iframe: HTMLIFrameElement
  /** Posts to the Connector, only ever to its exact origin. */
  post(data: unknown): void
  remove(): void
}

/**
 * Creates the Connector iframe (not yet inserted) and listens for its messages. A message counts
 * only if it comes from this iframe's window, from the exact Connector origin, and parses;
 * anything else is dropped without a word.
 */
export function createFrame(
  src: string,
  origin: string,
  onMessage: (message: QuilttMessage) => void,
): Frame {
  const iframe = document.createElement('iframe')
  iframe.title = 'Quiltt Connector'
  iframe.setAttribute('allow', 'publickey-credentials-get *')
  iframe.src = src
  Object.assign(iframe.style, { display: 'block', width: '100%', height: '100%', border: '0' })

  const listener = (event: MessageEvent) => {
    if (event.source === null || event.source !== iframe.contentWindow) return
    if (event.origin !== origin) return
    const message = parseMessage(event.data)
    if (message) onMessage(message)
  }
  window.addEventListener('message', listener)

  return {
    iframe,
    post(data) {
      iframe.contentWindow?.postMessage(data, origin)
    },
    remove() {
      window.removeEventListener('message', listener)
      iframe.remove()
    },
  }
}
