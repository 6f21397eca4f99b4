// @ts-check
// Cross-site request refusal: a page on another site must not be able to spend a signed-in
// user's session tokens (the browser would attach the user's cookies).

/**
 * Allowed: `Origin` present and either this request's own host or one of `allowOrigins`, and
 * `Sec-Fetch-Site` (when sent) not saying another site. Browsers send `Origin` on every POST,
 * so a POST without one did not come from a page and is refused.
 * @param {Request} request
 * @param {ReadonlySet<string>} allowOrigins exact origins, e.g. 'https://app.example.com'
 * @returns {string | undefined} why it was refused, or undefined when allowed
 */
export function refuseCrossSite(request, allowOrigins) {
  const origin = request.headers.get('origin')
  if (origin === null) {
    return 'The request has no Origin header. Call this endpoint with fetch() from your own pages.'
  }
  if (allowOrigins.has(origin)) return undefined
  const site = request.headers.get('sec-fetch-site')
  if (site !== null && site !== 'same-origin' && site !== 'none') {
    return `Cross-site requests are refused (Sec-Fetch-Site: ${site.slice(0, 20)}).`
  }
  // Host, not origin: behind a TLS-terminating proxy the server sees http:// for an https page.
  let originHost
  try {
    originHost = new URL(origin).host
  } catch {
    return 'The request’s Origin header is not a URL.'
  }
  if (originHost !== new URL(request.url).host) {
    return 'Requests from other origins are refused; list trusted ones in `allowOrigins`.'
  }
  return undefined
}
