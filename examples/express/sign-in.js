// The smallest sign-in that is not exploitable: the server picks a random user ID and keeps it in
// an httpOnly cookie, so a page's request body can never choose whose session token it gets.
// A real app uses its own sessions and maps each user to their Quiltt Profile.
import { randomUUID } from 'node:crypto'

const COOKIE = 'example_user'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** POST /sign-in: a new user, remembered by this browser. */
export function signIn(_req, res) {
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
