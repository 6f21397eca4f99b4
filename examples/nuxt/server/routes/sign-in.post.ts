import { randomUUID } from 'node:crypto'
import { createError, defineEventHandler, getRequestURL, sendRedirect, setCookie } from 'h3'
import { fromThisSite, USER_COOKIE } from '../utils/user'

// POST /sign-in: a new user, remembered by this browser.
export default defineEventHandler((event) => {
  if (!fromThisSite(event.headers))
    throw createError({ statusCode: 403, statusMessage: 'Sign in from this site.' })
  setCookie(event, USER_COOKIE, randomUUID(), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: getRequestURL(event).protocol === 'https:',
  })
  return sendRedirect(event, '/', 303)
})
