// Session tokens for the tests: unsigned but well-formed compact JWS shaped like Quiltt's (the SDK
// checks shape and expiry, never the signature), and the base64url encoding they are built from.

export function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export const encodeJson = (value: unknown) => base64url(JSON.stringify(value))
const SIGNATURE = base64url('not-a-real-signature-the-sdk-never-verifies-it-0123456789')

/** A session token shaped like Quiltt's (HS512, 24 h claims), expiring `expSecondsFromNow`. */
export function makeToken(
  expSecondsFromNow = 3600,
  extraClaims: Record<string, unknown> = {},
  header: Record<string, unknown> = { alg: 'HS512', typ: 'JWT' },
): string {
  const now = Math.floor(Date.now() / 1000)
  const payload = {
    iss: 'auth.quiltt.test',
    aud: 'api.quiltt.test',
    iat: now,
    nbf: now,
    exp: now + expSecondsFromNow,
    jti: crypto.randomUUID(),
    ver: 4,
    oid: 'p_test_profile',
    ...extraClaims,
  }
  return `${encodeJson(header)}.${encodeJson(payload)}.${SIGNATURE}`
}
