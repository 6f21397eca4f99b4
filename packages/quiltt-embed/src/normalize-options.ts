import { parseSessionToken } from './check-token'
import { checkUrl, invalidOption } from './check-url'
import { ConnectorError } from './connector-error'
import type { ConnectorOptions, TokenSource, Transport } from './types'

const CONNECTOR_ID = /^[a-z0-9][a-z0-9-]{0,62}$/i
const STRING_OPTIONS = ['connectionId', 'institution', 'appLauncherUrl', 'nonce'] as const

/** Options after validation: every default applied, every URL resolved. */
export interface NormalizedOptions {
  connectorId: string
  token: TokenSource
  transport: Transport
  container: HTMLElement | undefined
  connectionId?: string
  institution?: string
  appLauncherUrl?: string
  nonce?: string
  timeout: number
  /** The exact Connector origin; the only one whose messages count and to which we post. */
  origin: string
  scriptUrl: string
}

/** Validates a token option; a static string must look like a session token right away. */
export function checkTokenSource(token: unknown): TokenSource {
  if (typeof token === 'function') return token as TokenSource
  if (typeof token !== 'string')
    throw invalidOption('token', 'a session token or a function returning one')
  parseSessionToken(token)
  return token
}

function resolveContainer(container: unknown): HTMLElement | undefined {
  if (container === undefined) return undefined
  let element = container
  try {
    if (typeof container === 'string') element = document.querySelector(container)
  } catch {}
  // nodeType rather than instanceof, so elements of another realm (an iframe's) work too.
  if ((element as Node | null)?.nodeType !== 1) {
    throw invalidOption(
      'container',
      'an element, or a CSS selector matching one already in the page',
    )
  }
  return element as HTMLElement
}

/** Validates `createConnector` options synchronously; throws `ConnectorError` on the first problem. */
export function normalizeOptions(options: ConnectorOptions): NormalizedOptions {
  const { connectorId, transport = 'iframe', timeout = 15_000 } = options
  if (typeof connectorId !== 'string' || !CONNECTOR_ID.test(connectorId)) {
    throw new ConnectorError(
      'INVALID_CONNECTOR_ID',
      '`connectorId` must be your Connector ID: 1-63 letters, digits or hyphens.',
    )
  }
  if (transport !== 'iframe' && transport !== 'script')
    throw invalidOption('transport', "'iframe' or 'script'")
  if (transport === 'script' && options.container !== undefined) {
    throw invalidOption(
      'container',
      "left out with transport 'script' (connector.js draws its own modal)",
    )
  }
  for (const key of STRING_OPTIONS) {
    if (options[key] != null && typeof options[key] !== 'string')
      throw invalidOption(key, 'a string')
  }
  if (!(typeof timeout === 'number' && timeout > 0 && timeout < Number.POSITIVE_INFINITY))
    throw invalidOption('timeout', 'a positive number of ms')
  for (const key in options) {
    const value = options[key as keyof ConnectorOptions]
    if (/^on[A-Z]/.test(key) && value != null && typeof value !== 'function')
      throw invalidOption(key, 'a function')
  }
  const template = options.connectorUrl ?? 'https://{connectorId}.quiltt.app'
  return {
    ...options,
    connectorId,
    token: checkTokenSource(options.token),
    transport,
    container: resolveContainer(options.container),
    timeout,
    origin: checkUrl(
      String(template).split('{connectorId}').join(connectorId),
      'connectorUrl',
      true,
    ).origin,
    scriptUrl: checkUrl(options.scriptUrl ?? 'https://cdn.quiltt.io/v1/connector.js', 'scriptUrl')
      .href,
  }
}
