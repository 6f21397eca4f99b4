// @ts-check
// The sandbox's Auth API over loopback is the test double for Quiltt.
import { startSandbox } from 'quiltt-sandbox'

/** @param {Parameters<typeof startSandbox>[0]} [options] */
export async function sandboxAuth(options) {
  const sandbox = await startSandbox({ port: 0, ...options })
  return {
    sandbox,
    authUrl: sandbox.authUrl,
    apiKeySecret: sandbox.apiKeySecret,
    /** @returns {Promise<{ sessionsIssued: number, sessionsRevoked: number, agents: { authApi: (string | null)[] } }>} */
    async stats() {
      const response = await fetch(`${sandbox.authUrl}/__sandbox/stats`, {
        headers: { authorization: `Bearer ${sandbox.apiKeySecret}` },
      })
      return response.json()
    },
    /** @param {string} token @returns {Promise<number>} the Auth API's status for the token */
    async check(token) {
      const response = await fetch(`${sandbox.authUrl}/v1/users/session`, {
        headers: { authorization: `Bearer ${token}` },
      })
      await response.body?.cancel()
      return response.status
    },
    /** A Profile to issue tokens for. @returns {Promise<string>} its ID */
    async createProfile(email = 'ada@example.com') {
      const response = await fetch(`${sandbox.authUrl}/v1/users/sessions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${sandbox.apiKeySecret}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ email }),
      })
      const { userId, token } = await response.json()
      // Free the rate-limit slot this token used, and leave no token behind.
      await fetch(`${sandbox.authUrl}/v1/users/session`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      })
      return /** @type {string} */ (userId)
    },
    close: () => sandbox.close(),
  }
}
