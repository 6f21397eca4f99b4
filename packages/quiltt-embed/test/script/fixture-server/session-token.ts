// The session token a host page's server renders into the page or returns from its token
// endpoint: shaped like Quiltt's (HS512), unsigned (the SDK never verifies the signature).

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A session token shaped like Quiltt's (HS512), as a server would render it into a page. */
export function sessionToken(): string {
  const now = Math.floor(Date.now() / 1000)
  const payload = { iss: 'auth.quiltt.test', aud: 'api.quiltt.test', iat: now, nbf: now }
  return [
    base64url({ alg: 'HS512', typ: 'JWT' }),
    base64url({ ...payload, exp: now + 3600, jti: crypto.randomUUID(), oid: 'p_fixture' }),
    Buffer.from('fixture-signature-never-verified-by-the-sdk').toString('base64url'),
  ].join('.')
}
