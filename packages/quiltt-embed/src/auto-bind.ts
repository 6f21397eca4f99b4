import { invalidOption } from './check-url'
import type { ConnectorError } from './connector-error'
import { createConnector } from './create-connector'
import { elementCall, isConnected, querySelector, querySelectorAll } from './dom'
import { iframeTransport } from './iframe-transport'
import { reportUnheard } from './report-unheard'
import { scriptTransport } from './script-transport'
import type {
  Connector,
  ConnectorEventType,
  ConnectorLabels,
  ConnectorMetadata,
  ThemeMode,
  TokenSource,
} from './types'

/** Elements in the markup of Quiltt's own connector.js: the same names without `data-`. */
const QUILTT_MARKUP = '[quiltt-button],[quiltt-container]'
/**
 * Ours, then Quiltt's (QUILTT_MARKUP). Written out: a template reading QUILTT_MARKUP is not
 * provably free of side effects, so bundlers kept it in apps that never import autoBind.
 */
const SELECTOR = '[data-quiltt-button],[data-quiltt-container],[quiltt-button],[quiltt-container]'
/** Quiltt's attribute names, read as their `data-quiltt-*` forms (which win on one element). */
const QUILTT_NAMES = ['button', 'container', 'connection', 'institution', 'theme-mode']
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
/**
 * Settings that decide where a token comes from or goes, or where the user is sent back: never
 * taken from markup. Each names where it belongs.
 */
const AUTHOR_ONLY = {
  'data-quiltt-token': 'token',
  'data-quiltt-token-url': 'data-token-url',
  'data-quiltt-connector-url': 'data-connector-url',
  'data-quiltt-script-url': 'data-script-url',
  'quiltt-app-launcher-uri': 'appLauncherUrl',
  'data-quiltt-app-launcher-url': 'appLauncherUrl',
}
/** Elements bound by any autoBind() call, so however often it runs each is bound once. */
const claimed = new WeakSet<Element>()

/**
 * Whether `element` is Quiltt's un-prefixed markup on a page that has Quiltt's connector.js
 * (defined, or a tag still loading, ours for the script transport included). connector.js binds
 * that markup itself, so it is left to it: one click must never open two Connectors.
 */
const quilttsOwn = (element: Element) =>
  elementCall(element, 'matches', QUILTT_MARKUP) &&
  (Object.hasOwn(window, 'Quiltt') || !!querySelector('script[src*="/connector.js"]'))

/** Detail of the `quiltt:*` DOM events. */
export interface QuilttEventDetail {
  type?: ConnectorEventType | undefined
  metadata?: ConnectorMetadata | undefined
  url?: string | undefined
  error?: ConnectorError | undefined
}

/**
 * What only the page author decides (the SDK's own script tag, or JavaScript): where the token
 * comes from and where it may go. Markup can only choose what to open.
 */
export interface AutoBindConfig {
  /** The session token, a provider, or `{ url }`: a same-origin path POSTed for `{ token }`. */
  token?: TokenSource | undefined
  /** Template of the Connector origin (sandbox or Quiltt test hosts only). */
  connectorUrl?: string | undefined
  /** URL of connector.js for `data-quiltt-transport="script"` (sandbox or test hosts only). */
  scriptUrl?: string | undefined
  /** Further hosts trusted with the session token, as `createConnector`'s `trustedHosts`. */
  trustedHosts?: readonly string[] | undefined
  /** If given, markup naming any other Connector ID is not bound. */
  connectorIds?: readonly string[] | undefined
  /** Page-wide `themeMode`; an element's `data-quiltt-theme-mode` overrides it. */
  themeMode?: ThemeMode | undefined
  /** Page-wide `labels`: the SDK's own words in the page's language. */
  labels?: ConnectorLabels | undefined
}

function dispatch(element: Element, name: string, detail: QuilttEventDetail): void {
  // Event options are read with inherited keys too (a polluted `composed`, `cancelable`).
  // `quiltt:error` is cancelable: a page listener that handles it calls preventDefault().
  const init = Object.assign(Object.create(null), {
    bubbles: true,
    cancelable: !!detail.error,
    detail,
  })
  const unhandled = elementCall(element, 'dispatchEvent', new CustomEvent(`quiltt:${name}`, init))
  // No failure is silent: an error no page listener took on reaches the console.
  if (unhandled && detail.error) reportUnheard(detail.error)
}

/** Creates the element's connector and forwards its events as bubbling DOM events. */
function bind(element: HTMLElement, config: AutoBindConfig): () => void {
  // getAttribute, not dataset: a missing data-* key on a DOMStringMap falls through to a
  // (possibly polluted) Object.prototype.
  const attribute = (name: string) => elementCall(element, 'getAttribute', name)
  const data = (name: string) =>
    attribute(`data-quiltt-${name}`) ??
    (QUILTT_NAMES.includes(name) ? attribute(`quiltt-${name}`) : null) ??
    undefined
  const container = data('container')
  const inline = container !== undefined
  const connectorId = (inline ? container : data('button')) as string
  const transport = data('transport')
  // Markup may choose how it looks (a theme is harmless), never where a token goes.
  const themeMode = data('theme-mode') ?? config.themeMode
  const { token, connectorIds } = config
  const mode = data('preload')
  let connector: Connector
  try {
    for (const [name, home] of Object.entries(AUTHOR_ONLY)) {
      if (elementCall(element, 'hasAttribute', name))
        throw invalidOption(
          name,
          `left out of page markup, which must not decide where a token or the user goes: ${
            home === 'appLauncherUrl'
              ? 'pass appLauncherUrl to createConnector() in your own code'
              : `set ${home} on the quiltt-embed script tag, or pass it to autoBind(root, config)`
          }`,
        )
    }
    if (connectorIds && !connectorIds.includes(connectorId))
      throw invalidOption('data-quiltt-button/-container', 'one of the allowed connector IDs')
    if (!/^(iframe|script)?$/.test(transport ?? ''))
      throw invalidOption('data-quiltt-transport', 'iframe or script')
    if (!/^(light|dark|auto)?$/.test(data('theme-mode') ?? ''))
      throw invalidOption('data-quiltt-theme-mode', 'light, dark or auto')
    if (!/^(hover|visible|eager)?$/.test(mode ?? ''))
      throw invalidOption('data-quiltt-preload', 'hover, visible or eager')
    if (!token)
      throw invalidOption(
        'token',
        'configured: data-token-url on the quiltt-embed script tag, or autoBind(root, { token })',
      )
    connector = createConnector({
      connectorId,
      token,
      container: inline ? element : undefined,
      connectionId: data('connection'),
      institution: data('institution'),
      transport: transport === 'script' ? scriptTransport : iframeTransport,
      connectorUrl: config.connectorUrl,
      scriptUrl: config.scriptUrl,
      trustedHosts: config.trustedHosts,
      themeMode: themeMode as ThemeMode | undefined,
      labels: config.labels,
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
  // At most one preload until the next open: a failed one is simply retried by a cold open().
  let preloaded = false
  const preload = () => {
    if (!preloaded && !quilttsOwn(element)) connector.preload().catch(() => {})
    preloaded = true
  }
  // Failures already arrive as `quiltt:error`; the rejection itself needs no second report.
  const open = () => {
    preloaded = false
    if (!quilttsOwn(element)) connector.open().catch(() => {})
  }
  const observer =
    mode === 'visible'
      ? new IntersectionObserver(
          (entries) => entries.some((entry) => entry.isIntersecting) && preload(),
        )
      : undefined
  observer?.observe(element)
  // A click inside a bound element nested in this one is that element's alone: one dialog.
  const onClick = (event: Event) =>
    elementCall(event.target as Element, 'closest', SELECTOR) === element && open()
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    elementCall(element, method, 'click', onClick)
    if (mode === 'hover') {
      elementCall(element, method, 'pointerenter', preload)
      elementCall(element, method, 'focus', preload)
    }
  }
  if (inline) open()
  else {
    listen('addEventListener')
    if (mode === 'eager') preload()
  }
  return () => {
    listen('removeEventListener')
    observer?.disconnect()
    connector.destroy()
  }
}

/**
 * Binds every `data-quiltt-button` / `data-quiltt-container` element under `root`, now and when
 * added later; removed elements are unbound. Quiltt's own `quiltt-button` / `quiltt-container`
 * markup binds too, except while the page has Quiltt's connector.js, which binds it itself. An
 * element already bound (by this or another call) is left alone. Returns a function that unbinds
 * everything this call bound.
 *
 * @example
 * // <button data-quiltt-button="abc123">Link your bank</button>
 * const unbind = autoBind(document, { token: { url: '/api/quiltt/session' } })
 */
export function autoBind(root: ParentNode = document, config: AutoBindConfig = {}): () => void {
  // Own properties only: a polluted Object.prototype must not configure anything.
  const own: AutoBindConfig = Object.assign(Object.create(null), config)
  const bound = new Map<HTMLElement, () => void>()
  const release = (element: HTMLElement) => {
    bound.get(element)!()
    bound.delete(element)
    claimed.delete(element)
  }
  const scan = () => {
    for (const element of bound.keys()) if (!isConnected(element)) release(element)
    const found = querySelectorAll<HTMLElement>(root, SELECTOR)
    if (root instanceof HTMLElement && elementCall(root, 'matches', SELECTOR)) found.unshift(root)
    for (const element of found) {
      if (!claimed.has(element) && !quilttsOwn(element)) {
        claimed.add(element)
        bound.set(element, bind(element, own))
      }
    }
  }
  const observer = new MutationObserver(scan)
  observer.observe(root, { childList: true, subtree: true })
  scan()
  return () => {
    observer.disconnect()
    for (const element of bound.keys()) release(element)
  }
}
