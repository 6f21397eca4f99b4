// The smallest sign-in that is not exploitable: the server picks a random user ID and keeps it in
// an httpOnly cookie, so a page's request body can never choose whose session token it gets.
// A real app uses its own sessions and maps each user to their Quiltt Profile.
import { randomUUID } from 'node:crypto'

const COOKIE = 'example_user'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * Whether a POST came from this app's own pages. A form on another site can post here too (a
 * top-level navigation, so the Lax cookie is set) and silently sign the visitor in as another
 * user (login CSRF): browsers say where a request came from in Sec-Fetch-Site, older ones in
 * Origin.
 */
export function fromThisSite(headers) {
  if (headers['sec-fetch-site']) return headers['sec-fetch-site'] === 'same-origin'
  if (!headers.origin) return true
  try {
    return new URL(headers.origin).host === headers.host
  } catch {
    return false
  }
}

/** POST /sign-in: a new user, remembered by this browser. */
export function signIn(req, res) {
  if (!fromThisSite(req.headers)) return res.status(403).send('Sign in from this site.')
  res.cookie(COOKIE, randomUUID(), { httpOnly: true, sameSite: 'lax', path: '/' })
  res.redirect(303, '/')
}

/** The signed-in user as quiltt-session's issue() takes it, or undefined (a 401). */
export function user(req) {
  const cookies = new URLSearchParams((req.headers.cookie ?? '').replaceAll('; ', '&'))
  const id = cookies.get(COOKIE)
  // `uuid` is your own ID for the Profile: Quiltt creates the Profile once, then reuses it.
  return id && UUID.test(id) ? { uuid: id } : undefined
}
