import { invalidOption, isLoopback } from './check-url'

/**
 * Whether a session token may go to `url` (SPEC §4.4), for a page at `page`:
 * - `https:` on the default port of Quiltt's domains (`quiltt.app`, `quiltt.io`, `quiltt.dev`)
 *   or their subdomains;
 * - `http:` or `https:` on loopback, only while the page itself is on loopback (a production page
 *   must not hand its visitors' tokens to whatever listens on their own machine);
 * - `https:` on the default port of a host listed in `trustedHosts`: exact names, any case. An
 *   entry that is not a host name (a URL, a wildcard) matches nothing.
 *
 * The URL parser has already lower-cased the host, turned look-alike Unicode into punycode
 * (`quıltt.app` is `xn--…`), and taken any `user@` part out of it, so comparing names is enough.
 */
export function isTrustedHost(
  { protocol, hostname, port }: URL,
  page: { hostname: string },
  trustedHosts: readonly unknown[] = [],
): boolean {
  const https = protocol === 'https:'
  if (isLoopback(hostname)) return (https || protocol === 'http:') && isLoopback(page.hostname)
  return (
    https &&
    !port &&
    (/(^|\.)quiltt\.(app|io|dev)$/.test(hostname) ||
      trustedHosts.some((host) => String(host).toLowerCase() === hostname))
  )
}

/** Throws `INVALID_OPTIONS` naming the option and the host unless a token may go to `url`. */
export function checkHost(url: URL, option: string, trustedHosts?: readonly unknown[]): URL {
  if (!isTrustedHost(url, location, trustedHosts))
    throw invalidOption(
      option,
      `on quiltt.app, quiltt.io or quiltt.dev (https:), a host in \`trustedHosts\`, or loopback from a loopback page; not ${url.host}`,
    )
  return url
}
