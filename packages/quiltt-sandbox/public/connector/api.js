// @ts-check

/**
 * Asks the sandbox to create a Connection for this Profile.
 * @param {string} token the session token this page was opened with
 * @param {string} institutionId
 * @param {string} [code] OAuth authorization code
 * @returns {Promise<{ ok: true, connectionId: string } | { ok: false, message: string }>}
 */
export async function createConnection(token, institutionId, code) {
  try {
    const response = await fetch('/api/connections', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(code ? { institutionId, code } : { institutionId }),
    })
    const body = await response.json()
    if (response.ok && typeof body.connectionId === 'string') {
      return { ok: true, connectionId: body.connectionId }
    }
    return { ok: false, message: typeof body.message === 'string' ? body.message : 'Failed' }
  } catch {
    return { ok: false, message: 'The network request failed.' }
  }
}
