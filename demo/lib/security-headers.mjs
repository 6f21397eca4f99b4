// Headers for every response. The CSP allows scripts only from this origin and the Connector's
// script CDN, frames only from the Connector origin, and nothing inline.

/**
 * @param {{ connectorOrigin: string, scriptOrigin: string }} origins
 * @returns {string}
 */
export function contentSecurityPolicy({ connectorOrigin, scriptOrigin }) {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptOrigin}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${connectorOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {string} csp
 */
export function applySecurityHeaders(res, csp) {
  res.setHeader('content-security-policy', csp)
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin')
  res.setHeader('x-frame-options', 'DENY')
}
