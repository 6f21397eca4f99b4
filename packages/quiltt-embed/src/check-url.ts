import { ConnectorError } from './connector-error'

/** Hosts where plain `http:` is acceptable: traffic never leaves the machine. */
const LOOPBACK_HOST = /^(localhost|[\w.-]+\.localhost|127\.0\.0\.1|\[::1\])$/i

/** The one shape of every option error: which option, and what it should have been. */
export function invalidOption(option: string, expected: string): ConnectorError {
  return new ConnectorError('INVALID_OPTIONS', `\`${option}\` must be ${expected}.`)
}

/**
 * Parses a URL option: `https:` (or `http:` on loopback only), no credentials, and for an
 * origin-only option no path, query or fragment. Throws `INVALID_OPTIONS` naming the option.
 */
export function checkUrl(value: unknown, option: string, originOnly?: boolean): URL {
  let url: URL | undefined
  try {
    url = new URL(value as string)
  } catch {}
  if (
    typeof value !== 'string' ||
    !url ||
    !(
      url.protocol === 'https:' ||
      (url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname))
    ) ||
    url.username ||
    url.password ||
    (originOnly && url.href !== `${url.origin}/`)
  ) {
    throw invalidOption(
      option,
      `an https: ${originOnly ? 'origin' : 'URL'} (http: only for localhost, *.localhost, 127.0.0.1, [::1])`,
    )
  }
  return url
}
