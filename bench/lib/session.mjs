// Session tokens from the sandbox's Auth API, the way an integrator's server gets them.

/**
 * @param {{ authUrl: string, apiKeySecret: string }} sandbox
 * @param {string} [email] one Profile per address (the sandbox rate-limits per Profile)
 * @returns {Promise<string>} a fresh session token
 */
export async function issueToken(sandbox, email = 'bench@example.com') {
  const response = await fetch(`${sandbox.authUrl}/v1/users/sessions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${sandbox.apiKeySecret}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ email }),
  })
  const body = await response.json()
  if (response.status !== 201 || typeof body.token !== 'string') {
    throw new Error(`The sandbox refused a session (${response.status}): ${body.message}`)
  }
  return body.token
}
