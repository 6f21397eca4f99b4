import { parseSessionToken } from './check-token'
import { checkUrl, invalidOption } from './check-url'
import { ConnectorError } from './connector-error'
import type { ConnectorOptions, TokenSource, Transport } from './types'

/** Options after validation: every default applied, every URL resolved. */
export interface NormalizedOptions {
  connectorId: string
  token: TokenSource
  transport: Transport
  container?: HTMLElement
  connectionId?: string
  institution?: string
  appLauncherUrl?: string
  nonce?: string
  timeout: number
  /** The exact Connector origin: the only one whose messages count and the only one we post to. */
  origin: string
  scriptUrl: string
}

/** Validates a token option; a static string must look like a session token right away. */
export function checkTokenSource(token: unknown): TokenSource {
  if (typeof token === 'string') parseSessionToken(token)
  else if (typeof token !== 'function')
    throw invalidOption('token', 'a session token or a function returning one')
  return token as TokenSource
}

/** Validates `createConnector` options synchronously; throws `ConnectorError` on the first problem. */
export function normalizeOptions(options: ConnectorOptions): NormalizedOptions {
  if (typeof document === 'undefined') throw invalidOption('createConnector', 'called in a browser')
  if (typeof options !== 'object' || !options) throw invalidOption('options', 'an object')
  const { connectorId, transport = 'iframe', timeout = 15_000, container } = options
  if (typeof connectorId !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/i.test(connectorId)) {
    throw new ConnectorError(
      'INVALID_CONNECTOR_ID',
      '`connectorId` must be your Connector ID: 1-63 letters, digits or hyphens.',
    )
  }
  for (const key in options) {
    const value = options[key as keyof ConnectorOptions]
    const type = /^on[A-Z]/.test(key)
      ? 'function'
      : /^(connectionId|institution|appLauncherUrl|nonce|connectorUrl|scriptUrl)$/.test(key) &&
        'string'
    if (type && value != null && typeof value !== type) throw invalidOption(key, `a ${type}`)
  }
  if (transport !== 'iframe' && transport !== 'script')
    throw invalidOption('transport', "'iframe' or 'script'")
  if (!(typeof timeout === 'number' && timeout > 0 && timeout < Number.POSITIVE_INFINITY))
    throw invalidOption('timeout', 'a positive number of ms')
  let element: unknown = container
  try {
    if (typeof container === 'string') element = document.querySelector(container)
  } catch {}
  // nodeType rather than instanceof, so elements of another realm (an iframe's) work too.
  if (container !== undefined && ((element as Node)?.nodeType !== 1 || transport === 'script'))
    throw invalidOption(
      'container',
      'an element or a selector matching one (iframe transport only)',
    )
  return {
    ...options,
    connectorId,
    token: checkTokenSource(options.token),
    transport,
    container: element as HTMLElement | undefined,
    timeout,
    origin: checkUrl(
      (options.connectorUrl ?? 'https://{connectorId}.quiltt.app').replace(
        '{connectorId}',
        connectorId,
      ),
      'connectorUrl',
      true,
    ).origin,
    scriptUrl: checkUrl(options.scriptUrl ?? 'https://cdn.quiltt.io/v1/connector.js', 'scriptUrl')
      .href,
  }
}
