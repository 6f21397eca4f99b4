// The strict-CSP page: a fresh nonce per response, nothing from any origin unless listed, and
// Trusted Types enforced with only the SDK's own policy (`quiltt-embed`) allowed.
import { randomBytes } from 'node:crypto'

/** @returns {string} a 128-bit nonce, base64url (no characters that need escaping). */
export function createNonce() {
  return randomBytes(16).toString('base64url')
}

/**
 * The Connector origins a frame may come from: every `{connectorId}` host of the configured
 * template (`http://*.localhost:PORT` in sandbox mode), or the one real Connector origin.
 * @param {{ connectorUrl?: string, connectorOrigin: string }} quiltt
 */
export function connectorFrameSource({ connectorUrl, connectorOrigin }) {
  if (!connectorUrl) return connectorOrigin
  return new URL(connectorUrl.replace('{connectorId}', 'x')).origin.replace('//x.', '//*.')
}

/**
 * @param {{ nonce: string, frameSrc: string }} options
 * @returns {string}
 */
export function strictContentSecurityPolicy({ nonce, frameSrc }) {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    `frame-src ${frameSrc}`,
    "connect-src 'self'",
    "img-src 'self'",
    "require-trusted-types-for 'script'",
    'trusted-types quiltt-embed',
  ].join('; ')
}
