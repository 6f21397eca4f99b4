// @ts-check
// Cross-site request refusal: a page on another site must not be able to spend a signed-in
// user's session tokens (the browser would attach the user's cookies).

/** A Host header value: a DNS name or an IPv4/IPv6 literal, and an optional port. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/

/**
 * The origin as browsers serialize it (lower-case host, no default port), or undefined when the
 * value is not an http(s) origin. Also used for `allowOrigins` entries.
 * @param {string} value
 * @returns {string | undefined}
 */
export function normalizeOrigin(value) {
  let url
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    return undefined
  }
  return url.origin
}

/**
 * The host the browser used, as the request says it: the first `X-Forwarded-Host` value (set by
 * the proxy in front of the app; a browser cannot send it on a cross-site request without a CORS
 * preflight this endpoint never answers), else `Host`. Never `request.url`: frameworks fill it
 * with the address they listen on (`0.0.0.0`), not the one the browser used.
 * @param {Headers} headers
 * @returns {string | undefined}
 */
function requestHost(headers) {
  const forwarded = headers.get('x-forwarded-host')
  const host = forwarded === null ? headers.get('host') : forwarded.split(',')[0]
  const trimmed = host?.trim()
  return trimmed && HOST.test(trimmed) ? trimmed : undefined
}

/**
 * Allowed: `Origin` present, `Sec-Fetch-Site` absent or `same-origin`, and the origin either one
 * of `allowOrigins` (when given, only those: the defence against DNS rebinding, where the
 * attacker's name points at this server and `Host` equals the attacker's `Origin`) or, without
 * `allowOrigins`, the request's own host. Browsers send `Origin` on every POST, so a POST without
 * one did not come from a page and is refused.
 * @param {Request} request
 * @param {ReadonlySet<string> | undefined} allowOrigins normalized origins, e.g. 'https://app.example.com'
 * @returns {string | undefined} why it was refused, or undefined when allowed
 */
export function refuseCrossSite(request, allowOrigins) {
  const { headers } = request
  const originHeader = headers.get('origin')
  if (originHeader === null) {
    return 'The request has no Origin header. Call this endpoint with fetch() from your own pages.'
  }
  const site = headers.get('sec-fetch-site')
  if (site !== null && site !== 'same-origin') {
    return `Only same-origin requests are accepted (Sec-Fetch-Site: ${site.slice(0, 20)}).`
  }
  const origin = normalizeOrigin(originHeader)
  if (origin === undefined) return 'The request’s Origin header is not an http(s) origin.'
  if (allowOrigins !== undefined) {
    if (allowOrigins.has(origin)) return undefined
    return 'This origin is not one of `allowOrigins`; list every public origin of your app there.'
  }
  const host = requestHost(headers)
  if (host === undefined) {
    return 'The request has no usable Host (or X-Forwarded-Host) header, so its origin cannot be checked.'
  }
  // Host, not origin: behind a TLS-terminating proxy the server sees http:// for an https page.
  // The Host is read with the Origin's scheme, so `example.com:443` equals `https://example.com`.
  const originUrl = new URL(origin)
  let hostOfRequest
  try {
    hostOfRequest = new URL(`${originUrl.protocol}//${host}`).host
  } catch {
    return 'The request’s Host header is not a host name.'
  }
  if (originUrl.host !== hostOfRequest) {
    return 'Requests from other origins are refused. Behind a proxy, forward the browser’s host in X-Forwarded-Host, or list your public origins in `allowOrigins`.'
  }
  return undefined
}
