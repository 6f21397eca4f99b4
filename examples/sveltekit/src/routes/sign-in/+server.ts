import { randomUUID } from 'node:crypto'
import { redirect } from '@sveltejs/kit'
import { USER_COOKIE } from '$lib/server/user'

// POST /sign-in: a new user, remembered by this browser.
export function POST({ cookies, url }) {
  cookies.set(USER_COOKIE, randomUUID(), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
  })
  redirect(303, '/')
}
