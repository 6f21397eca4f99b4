// The smallest sign-in that is not exploitable, on Fetch alone so every runtime runs it as is: the
// server picks a random user ID and keeps it in an httpOnly cookie, so a request body can never
// choose whose session token it gets. A real app uses its own sessions.
const COOKIE = 'example_user'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * POST /sign-in: a new user, remembered by this browser. A form on another site could post here
 * too and sign the visitor in as someone else (login CSRF), so only this site's pages may.
 * @param {Request} request
 */
export function signIn(request) {
  const site = request.headers.get('sec-fetch-site')
  if (site !== null && site !== 'same-origin')
    return new Response('Sign in from this site.', { status: 403 })
  return new Response(null, {
    status: 303,
    headers: {
      location: '/',
      'set-cookie': `${COOKIE}=${crypto.randomUUID()}; Path=/; HttpOnly; SameSite=Lax`,
    },
  })
}

/**
 * The signed-in user as quiltt-session's issue() takes it, or undefined (a 401). `uuid` is your
 * own ID for the Profile: Quiltt creates the Profile once, then reuses it.
 * @param {Request} request
 */
export function currentUser(request) {
  const cookies = new URLSearchParams((request.headers.get('cookie') ?? '').replaceAll('; ', '&'))
  const id = cookies.get(COOKIE)
  return id && UUID.test(id) ? { uuid: id } : undefined
}
