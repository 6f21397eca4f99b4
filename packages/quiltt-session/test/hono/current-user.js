// @ts-check
// A stand-in for an app's sign-in, for hono.test.js: the signed-in user is named by a
// `test-user=<Quiltt Profile ID>` cookie.

/**
 * @param {Request} request
 * @returns {Promise<{ quilttProfileId: string } | undefined>}
 */
export async function currentUser(request) {
  const match = /(?:^|;\s*)test-user=([\w-]+)/.exec(request.headers.get('cookie') ?? '')
  return match?.[1] ? { quilttProfileId: match[1] } : undefined
}
