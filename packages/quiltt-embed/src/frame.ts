import type { NormalizedOptions } from './normalize-options'
import { parseMessage, type QuilttMessage } from './parse-message'
import { styled } from './styled'
import type { Palette } from './theme'

/** The Connector iframe, its loading indicator and its message channel. */
export interface Frame {
  /** What to insert: the iframe over a loading indicator, filling its parent. */
  element: HTMLElement
  iframe: HTMLIFrameElement
  /** Posts to the Connector, only ever to its exact origin. */
  post(data: unknown): void
  /** Colours the loading indicator and sets the iframe's `color-scheme` (when a theme is set). */
  paint(palette: Palette): void
  remove(): void
}

/**
 * Creates the Connector iframe (not yet inserted) over a "Loading…" status, and listens for its
 * messages. A message counts only if it comes from this iframe's window, from the exact Connector
 * origin, and parses; anything else is dropped without a word.
 */
export function createFrame(
  src: string,
  { origin, labels, themeMode }: NormalizedOptions,
  onMessage: (message: QuilttMessage) => void,
): Frame {
  const element = styled('div', 'position:relative;width:100%;height:100%')
  const loader = styled(
    'div',
    'position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:12px;font:14px system-ui',
    { role: 'status' },
  )
  const ring = styled('div', 'width:32px;height:32px;border:3px solid;border-radius:50%')
  // Web Animations rather than @keyframes: no <style> element, so strict CSP still holds. Still
  // (a plain ring) for prefers-reduced-motion.
  const spin = matchMedia('(prefers-reduced-motion:reduce)').matches
    ? undefined
    : ring.animate({ transform: 'rotate(1turn)' }, { duration: 900, iterations: 1 / 0 })
  // Removing the loader cancels its animation: a running one would keep detached nodes alive.
  const removeLoader = () => {
    spin?.cancel()
    loader.remove()
  }
  // Invisible, not hidden, until Load: it keeps loading and can take focus meanwhile.
  const iframe = styled(
    'iframe',
    'position:relative;display:block;width:100%;height:100%;border:0;opacity:0',
    { title: labels.dialog, allow: 'publickey-credentials-get *', src },
  )
  loader.append(ring, labels.loading)
  element.append(loader, iframe)

  const listener = (event: MessageEvent) => {
    if (event.source === null || event.source !== iframe.contentWindow || event.origin !== origin)
      return
    const message = parseMessage(event.data)
    if (message?.type === 'Load') {
      removeLoader()
      iframe.style.opacity = ''
    }
    if (message) onMessage(message)
  }
  addEventListener('message', listener)

  return {
    element,
    iframe,
    post: (data) => iframe.contentWindow?.postMessage(data, origin),
    paint({ scheme, muted, track, accent }) {
      loader.style.color = muted
      ring.style.borderColor = `${accent} ${track} ${track}`
      // The Connector's document takes this scheme too; a mismatch would make the browser paint
      // an opaque backdrop of the other scheme behind it. Unset, the Connector decides alone.
      if (themeMode) iframe.style.colorScheme = scheme
    },
    remove() {
      removeEventListener('message', listener)
      removeLoader()
      element.remove()
    },
  }
}
