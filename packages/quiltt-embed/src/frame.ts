import { parseMessage } from './parse-message'
import { styled } from './styled'
import { colorScheme } from './theme'
import type { NormalizedOptions, QuilttMessage } from './types'

/** The Connector iframe, its loading indicator and its message channel. */
export interface Frame {
  /** What to insert: the iframe over a loading indicator, filling its parent. */
  element: HTMLElement
  /** Posts to the Connector, only ever to its exact origin. */
  post(data: unknown): void
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
  // The theme, for the loading indicator and the iframe inside (see theme.ts).
  element.style.colorScheme = colorScheme(themeMode)
  const loader = styled(
    'div',
    'position:absolute;inset:0;display:grid;place-content:center;justify-items:center;gap:12px;font:14px system-ui;color:#475569;color:light-dark(#475569,#cbd5e1)',
    { role: 'status' },
  )
  const ring = styled(
    'div',
    'width:32px;height:32px;border:3px solid #cbd5e1;border-color:light-dark(#cbd5e1,#475569);border-top-color:#4f46e5;border-top-color:light-dark(#4f46e5,#a5b4fc);border-radius:50%',
  )
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
    post: (data) => iframe.contentWindow?.postMessage(data, origin),
    remove() {
      removeEventListener('message', listener)
      removeLoader()
      element.remove()
    },
  }
}
