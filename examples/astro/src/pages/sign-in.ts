import type { APIContext } from 'astro'
import { fromThisSite, USER_COOKIE } from '../lib/user'

// POST /sign-in: a new user, remembered by this browser.
export function POST({ cookies, request, url }: APIContext) {
  if (!fromThisSite(request.headers))
    return new Response('Sign in from this site.', { status: 403 })
  cookies.set(USER_COOKIE, crypto.randomUUID(), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
  })
  return new Response(null, { status: 204 })
}
