import { fromThisSite, USER_COOKIE } from '@/lib/user'

// POST /sign-in: a new user, remembered by this browser. The redirect is relative on purpose:
// behind `next start -H 0.0.0.0` or a proxy, request.url names the listening address, not the
// host the browser used.
export function POST(request: Request) {
  if (!fromThisSite(request.headers))
    return new Response('Sign in from this site.', { status: 403 })
  const cookie = `${USER_COOKIE}=${crypto.randomUUID()}; Path=/; HttpOnly; SameSite=Lax`
  return new Response(null, { status: 303, headers: { Location: '/', 'Set-Cookie': cookie } })
}
