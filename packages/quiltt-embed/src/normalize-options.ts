import { checkHost } from './check-host'
import { parseSessionToken } from './check-token'
import { checkUrl, invalidOption } from './check-url'
import { ConnectorError } from './connector-error'
import { querySelector } from './dom'
import { field } from './is-record'
import { sameOriginUrl } from './token-from-url'
import { driverOf } from './transport'
import type { ConnectorOptions, NormalizedOptions, TokenSource, Transport } from './types'
import { agent } from './version'

/** The SDK's own words when the page gives none. */
const DEFAULT_LABELS = { dialog: 'Quiltt Connector', close: 'Close', loading: 'Loading\u2026' }

/** `labels`: own string keys only, each one left out (or `undefined`) falling back to English. */
function checkLabels(labels: unknown): NormalizedOptions['labels'] {
  if (labels !== undefined && (typeof labels !== 'object' || !labels))
    throw invalidOption('labels', 'an object: { dialog?, close?, loading? }')
  // Own keys only, into an object with no prototype: a polluted Object.prototype.close must not
  // rename our button.
  const given = Object.assign(Object.create(null), labels)
  const checked = { ...DEFAULT_LABELS }
  for (const key in checked) {
    const value: unknown = given[key]
    if (value !== undefined && (typeof value !== 'string' || !value.trim()))
      throw invalidOption(`labels.${key}`, 'a non-empty string')
    if (value !== undefined) checked[key as keyof typeof checked] = value as string
  }
  return checked
}

/**
 * Validates a token option: a static string must look like a session token, and `{ url }` must be
 * on this page's origin, right away. `{ url }` comes back as a copy of its own `url` only (resolved
 * against the page now, so a later client-side navigation cannot change where it points).
 */
export function checkTokenSource(token: unknown): TokenSource {
  const url = field(token, 'url')
  if (url !== undefined) return { url: sameOriginUrl(url).href }
  if (typeof token === 'string') parseSessionToken(token)
  else if (typeof token !== 'function')
    throw invalidOption('token', 'a session token, a function returning one, or { url }')
  return token as TokenSource
}

/**
 * Validates `createConnector` options synchronously; throws `ConnectorError` on the first problem.
 * `defaultTransport` is the one used when the options name none (the caller's choice, so that this
 * module does not pull any transport into a bundle).
 */
export function normalizeOptions(
  options: ConnectorOptions,
  defaultTransport: Transport,
): NormalizedOptions {
  if (typeof document === 'undefined') throw invalidOption('createConnector', 'called in a browser')
  if (typeof options !== 'object' || !options) throw invalidOption('options', 'an object')
  // Own properties only (Object.assign copies nothing inherited), into an object with no prototype.
  const own: NormalizedOptions = Object.assign(Object.create(null), options)
  const { connectorId, transport = defaultTransport, timeout = 15_000, container } = own
  if (typeof connectorId !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/i.test(connectorId)) {
    throw new ConnectorError(
      'INVALID_CONNECTOR_ID',
      '`connectorId` must be your Connector ID: 1-63 letters, digits or hyphens.',
    )
  }
  for (const key in own) {
    const value = own[key as keyof NormalizedOptions]
    const type = /^on[A-Z]/.test(key)
      ? 'function'
      : /^(connectionId|institution|appLauncherUrl|nonce|connectorUrl|scriptUrl)$/.test(key) &&
        'string'
    if (type && value != null && typeof value !== type) throw invalidOption(key, `a ${type}`)
  }
  if (own.themeMode !== undefined && !['light', 'dark', 'auto'].includes(own.themeMode))
    throw invalidOption('themeMode', "'light', 'dark' or 'auto'")
  const driver = driverOf(transport)
  if (!driver)
    throw invalidOption('transport', 'iframeTransport or scriptTransport (imported values)')
  // setTimeout treats anything past 2^31-1 ms as 0: a huge timeout would fail at once.
  if (!(typeof timeout === 'number' && timeout > 0 && timeout < 2 ** 31))
    throw invalidOption('timeout', 'a positive number of ms below 2^31')
  let element: unknown = container
  try {
    if (typeof container === 'string') element = querySelector(container)
  } catch {}
  // Only this document's elements: the Connector's messages go to the window of the document it
  // is mounted in, and another frame's window is not one we listen on.
  if (
    container !== undefined &&
    ((element as Node)?.ownerDocument !== document ||
      (element as Node).nodeType !== 1 ||
      !driver.inline)
  )
    throw invalidOption(
      'container',
      "an element of this page's document, or its selector (iframe transport only)",
    )
  const { trustedHosts } = own
  // A list, not one string: `trustedHosts: 'host'` is a mistake worth naming.
  if (trustedHosts !== undefined && !Array.isArray(trustedHosts))
    throw invalidOption('trustedHosts', 'an array of host names')
  // Judged after {connectorId} is filled in: a template cannot smuggle in another host.
  const origin = checkUrl(
    (own.connectorUrl ?? 'https://{connectorId}.quiltt.app').replace('{connectorId}', connectorId),
    'connectorUrl',
    true,
  )
  const script = checkUrl(own.scriptUrl ?? 'https://cdn.quiltt.io/v1/connector.js', 'scriptUrl')
  // Who loads it, as @quiltt/react's own loader says (SPEC §4.4).
  script.searchParams.set('agent', agent)
  return Object.assign(own, {
    token: checkTokenSource(own.token),
    labels: checkLabels(own.labels),
    transport: driver,
    container: element as HTMLElement | undefined,
    timeout,
    origin: checkHost(origin, 'connectorUrl', trustedHosts).origin,
    scriptUrl: checkHost(script, 'scriptUrl', trustedHosts).href,
  })
}
