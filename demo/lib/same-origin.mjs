// The demo's own cross-site refusal for its POST routes, checked before anything counts or
// changes: a page on another site must not sign this browser in or out, nor spend (or fill) the
// signed-in user's token limit. The same rule quiltt-session's handler applies.

/**
 * Browsers send `Origin` on every POST: one without it did not come from a page. `Origin`'s
 * host must equal `Host` (case-insensitive, default ports normalized), and `Sec-Fetch-Site`,
 * when sent, must be `same-origin`.
 * @param {import('node:http').IncomingMessage} req
 */
export function isSameOrigin(req) {
  const { origin, host } = req.headers
  const site = req.headers['sec-fetch-site']
  if (origin === undefined || host === undefined) return false
  if (site !== undefined && site !== 'same-origin') return false
  try {
    const originUrl = new URL(origin)
    if (originUrl.protocol !== 'http:' && originUrl.protocol !== 'https:') return false
    return originUrl.host === new URL(`${originUrl.protocol}//${host}`).host
  } catch {
    return false
  }
}
