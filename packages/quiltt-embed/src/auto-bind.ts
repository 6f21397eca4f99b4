import { invalidOption } from './check-url'
import type { ConnectorError } from './connector-error'
import { createConnector } from './create-connector'
import { field } from './is-record'
import type { Connector, ConnectorEventType, ConnectorMetadata, Transport } from './types'

const SELECTOR = '[data-quiltt-button],[data-quiltt-container]'
const EVENTS = [
  'open',
  'load',
  'exit',
  'exitSuccess',
  'exitAbort',
  'exitError',
  'navigate',
  'error',
] as const

/** Detail of the `quiltt:*` DOM events. */
export interface QuilttEventDetail {
  type?: ConnectorEventType
  metadata?: ConnectorMetadata
  url?: string
  error?: ConnectorError
}

function dispatch(element: Element, name: string, detail: QuilttEventDetail): void {
  element.dispatchEvent(new CustomEvent(`quiltt:${name}`, { bubbles: true, detail }))
}

/** A provider that POSTs to a same-origin endpoint and reads `{ token }` from untrusted JSON. */
function tokenFromUrl(path: string): () => Promise<string> {
  const url = new URL(path, location.href)
  // Cookies go with this request, so it must never leave the page's own origin.
  if (url.origin !== location.origin)
    throw invalidOption('data-quiltt-token-url', 'a same-origin path')
  return async () => {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    })
    if (!response.ok) throw new Error(`The token endpoint answered HTTP ${response.status}`)
    const body: unknown = await response.json()
    return field(body, 'token') as string
  }
}

/** Creates the element's connector and forwards its events as bubbling DOM events. */
function bind(element: HTMLElement): () => void {
  const data = element.dataset
  const container = data.quilttContainer
  const inline = container !== undefined
  let connector: Connector
  try {
    connector = createConnector({
      connectorId: (inline ? container : data.quilttButton) as string,
      token: data.quilttTokenUrl ? tokenFromUrl(data.quilttTokenUrl) : (data.quilttToken as string),
      container: inline ? element : undefined,
      connectionId: data.quilttConnection,
      institution: data.quilttInstitution,
      transport: data.quilttTransport as Transport | undefined,
      connectorUrl: data.quilttConnectorUrl,
      scriptUrl: data.quilttScriptUrl,
    })
  } catch (error) {
    dispatch(element, 'error', { error: error as ConnectorError })
    return () => {}
  }
  // `exitSuccess` → `quiltt:exit-success`, its arguments → the documented `detail` shape.
  for (const event of EVENTS) {
    connector.on(event, ((first: never, metadata?: ConnectorMetadata) =>
      dispatch(
        element,
        event.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
        event === 'error'
          ? { error: first }
          : event === 'exit'
            ? { type: first, metadata }
            : event === 'navigate'
              ? { url: first, metadata }
              : { metadata: first },
      )) as never)
  }
  // Failures already arrive as `quiltt:error`; the rejection itself needs no second report.
  const open = () => connector.open().catch(() => {})
  if (inline) open()
  else element.addEventListener('click', open)
  return () => {
    element.removeEventListener('click', open)
    connector.destroy()
  }
}

/**
 * Binds every `data-quiltt-button` / `data-quiltt-container` element under `root`, now and when
 * added later; removed elements are unbound. Returns a function that unbinds everything.
 *
 * @example
 * // <button data-quiltt-button="abc123" data-quiltt-token-url="/api/quiltt/session">Link</button>
 * const unbind = autoBind(document)
 */
export function autoBind(root: ParentNode = document): () => void {
  const bound = new Map<HTMLElement, () => void>()
  const scan = () => {
    for (const [element, unbind] of bound) {
      if (!element.isConnected) {
        unbind()
        bound.delete(element)
      }
    }
    const found = [...root.querySelectorAll<HTMLElement>(SELECTOR)]
    if (root instanceof HTMLElement && root.matches(SELECTOR)) found.unshift(root)
    for (const element of found) if (!bound.has(element)) bound.set(element, bind(element))
  }
  const observer = new MutationObserver(scan)
  observer.observe(root, { childList: true, subtree: true })
  scan()
  return () => {
    observer.disconnect()
    for (const unbind of bound.values()) unbind()
    bound.clear()
  }
}
