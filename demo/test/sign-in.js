// Signs a Node-side client in to the demo, as the home page's form does.

/**
 * @param {string} base the demo's URL on 127.0.0.1 (Node does not resolve localhost the same way)
 * @param {string} [name]
 * @returns {Promise<{ origin: string, cookie: string }>} headers for same-origin, signed-in POSTs
 */
export async function signIn(base, name = 'Ada') {
  const response = await fetch(`${base}/api/signin`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`)
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return { origin: base, cookie }
}

/**
 * @param {string} base
 * @param {Record<string, string>} headers
 */
export const postSession = (base, headers) =>
  fetch(`${base}/api/quiltt/session`, { method: 'POST', headers })
