// The smallest sign-in that is not exploitable: the server picks a random user ID and keeps it in
// an httpOnly cookie, so a request body can never choose whose session token it gets. A real app
// uses its own sessions and maps each user to their Quiltt Profile.
import type { APIContext, AstroCookies } from 'astro'

export const USER_COOKIE = 'example_user'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The signed-in user's ID (from the cookie), or undefined. */
export function userIdOf(cookies: AstroCookies): string | undefined {
  const id = cookies.get(USER_COOKIE)?.value
  return id && UUID.test(id) ? id : undefined
}

/**
 * The user as quiltt-session's issue() takes it, or undefined (a 401). Astro hands an API route
 * its APIContext, and the handler passes it on. `uuid` is your own ID for the Profile: Quiltt
 * creates the Profile once, then reuses it.
 */
export function user({ cookies }: APIContext) {
  const id = userIdOf(cookies)
  return id ? { uuid: id } : undefined
}

/**
 * Whether a POST came from this app's own pages. A page on another site can post too and silently
 * sign the visitor in as another user (login CSRF): browsers say where a request came from in
 * Sec-Fetch-Site, older ones in Origin. (Astro's own origin check refuses cross-site form posts
 * first; this covers every other kind.)
 */
export function fromThisSite(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site')
  if (site) return site === 'same-origin'
  const origin = headers.get('origin')
  if (!origin) return true
  try {
    return new URL(origin).host === headers.get('host')
  } catch {
    return false
  }
}
