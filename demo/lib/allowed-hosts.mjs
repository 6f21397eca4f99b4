// DNS rebinding: an attacker's name (rebind.attacker.example) resolved to this machine makes
// the browser treat the demo as the attacker's own origin, so Origin equals Host and every
// same-origin check passes. Only the names the demo is really served under are answered.

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]']

/**
 * @param {string | undefined} publicUrl `PUBLIC_URL`: where the demo is reached when it is not
 *   on this machine's loopback (a tunnel, a proxy); its host name is allowed too
 * @returns {(hostHeader: string | undefined) => boolean}
 */
export function createAllowedHosts(publicUrl) {
  const names = new Set(LOOPBACK)
  if (publicUrl) names.add(publicHostname(publicUrl))
  return (hostHeader) => {
    const name = hostnameOf(hostHeader)
    return name !== undefined && names.has(name)
  }
}

/** @param {string} publicUrl */
function publicHostname(publicUrl) {
  let url
  try {
    url = new URL(publicUrl)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(
      'PUBLIC_URL must be the URL the demo is reached at, such as https://demo.example.com, ' +
        'or unset.',
    )
  }
  return url.hostname
}

/**
 * The lower-case host name of a Host header (port dropped), or undefined when it is not a host.
 * @param {string | undefined} hostHeader
 */
function hostnameOf(hostHeader) {
  if (!hostHeader || !/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(hostHeader)) {
    return undefined
  }
  try {
    return new URL(`http://${hostHeader}`).hostname
  } catch {
    return undefined
  }
}
