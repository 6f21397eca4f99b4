import { randomUUID } from 'node:crypto'
import { defineEventHandler, getRequestURL, sendRedirect, setCookie } from 'h3'
import { USER_COOKIE } from '../utils/user'

// POST /sign-in: a new user, remembered by this browser.
export default defineEventHandler((event) => {
  setCookie(event, USER_COOKIE, randomUUID(), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: getRequestURL(event).protocol === 'https:',
  })
  return sendRedirect(event, '/', 303)
})
