// Identifies the demo's visitor. A real app would use its own login; the demo gives each browser a
// random ID in an httpOnly cookie so page scripts never see it.
import { randomUUID } from 'node:crypto'

const COOKIE = 'quiltt_demo_user'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * Returns the request's demo user ID, setting the cookie on the response when it is missing.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @returns {string}
 */
export function demoUser(req, res) {
  const existing = readCookie(req.headers.cookie ?? '', COOKIE)
  if (existing && UUID.test(existing)) return existing
  const id = randomUUID()
  res.appendHeader('set-cookie', `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`)
  return id
}

/**
 * @param {string} header
 * @param {string} name
 */
function readCookie(header, name) {
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}
