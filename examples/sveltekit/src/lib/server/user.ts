// The smallest sign-in that is not exploitable: the server picks a random user ID and keeps it in
// an httpOnly cookie, so a request body can never choose whose session token it gets. A real app
// uses its own sessions and maps each user to their Quiltt Profile.
import type { Cookies, RequestEvent } from '@sveltejs/kit'

export const USER_COOKIE = 'example_user'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The signed-in user's ID (from the cookie), or undefined. */
export function userIdOf(cookies: Cookies): string | undefined {
  const id = cookies.get(USER_COOKIE)
  return id && UUID.test(id) ? id : undefined
}

/**
 * The user as quiltt-session's issue() takes it, or undefined (a 401). `uuid` is your own ID for
 * the Profile: Quiltt creates the Profile once, then reuses it.
 */
export function user({ cookies }: RequestEvent) {
  const id = userIdOf(cookies)
  return id ? { uuid: id } : undefined
}
