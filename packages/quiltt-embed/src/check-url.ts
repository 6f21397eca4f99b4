import { ConnectorError } from './connector-error'

/** The one shape of every option error: which option, and what it should have been. */
export function invalidOption(option: string, expected: string): ConnectorError {
  return new ConnectorError('INVALID_OPTIONS', `\`${option}\` must be ${expected}.`)
}

/** The longest URL the SDK relays either way (Navigate from the Connector, OAuth callbacks to it). */
export const MAX_URL_LENGTH = 8192

/**
 * Loopback host names as the URL parser leaves them (lower case, IPv6 in brackets, IPv4 in dotted
 * decimal): `localhost`, `*.localhost`, `127.0.0.1`, `[::1]`, and nothing else.
 */
export const isLoopback = (hostname: string) =>
  ['localhost', '127.0.0.1', '[::1]'].includes(hostname) || hostname.endsWith('.localhost')

/**
 * Parses a URL option: `https:` (or `http:` on loopback only, where traffic never leaves the
 * machine), at most 8,192 characters, no credentials, and for an origin-only option no path, query or fragment. Throws
 * `INVALID_OPTIONS` naming the option.
 */
export function checkUrl(value: unknown, option: string, originOnly?: boolean): URL {
  let url: URL | undefined
  try {
    url = new URL(value as string)
  } catch {}
  const { protocol, hostname, href, origin } = url ?? {}
  if (
    typeof value !== 'string' ||
    value.length > MAX_URL_LENGTH ||
    !(protocol === 'https:' || (protocol === 'http:' && isLoopback(hostname!))) ||
    // With credentials in it, href no longer starts with the origin.
    !(originOnly ? href === `${origin}/` : href!.startsWith(`${origin}/`))
  ) {
    throw invalidOption(
      option,
      `an https: ${originOnly ? 'origin' : 'URL'} (http: on loopback only) of at most 8192 characters, without user or password`,
    )
  }
  return url!
}
