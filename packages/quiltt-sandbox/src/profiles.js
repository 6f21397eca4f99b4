// @ts-check
import { randomBytes } from 'node:crypto'
import { isPlainObject } from './http-util.js'

/**
 * @typedef {object} Connection
 * @property {string} id
 * @property {string} institutionId
 * @property {string} createdAt
 *
 * @typedef {object} Profile
 * @property {string} id
 * @property {Record<string, unknown>} attributes
 * @property {Map<string, Connection>} connections
 */

/** Attributes Quiltt's Auth API accepts for a Profile, each with its type check. */
const ATTRIBUTE_CHECKS = {
  email: (/** @type {unknown} */ v) =>
    typeof v === 'string' && /^[^\s@]+@[^\s@]+$/.test(v) && v.length <= 320,
  phone: (/** @type {unknown} */ v) => typeof v === 'string' && /^\+[1-9]\d{1,14}$/.test(v),
  name: (/** @type {unknown} */ v) => typeof v === 'string' && v.length <= 255,
  names: isPlainObject,
  dateOfBirth: (/** @type {unknown} */ v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  address: isPlainObject,
  metadata: isPlainObject,
  uuid: (/** @type {unknown} */ v) =>
    typeof v === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
}
const EXPECTED = {
  email: 'an email address',
  phone: 'an E.164 phone number such as +15555550100',
  name: 'a string of at most 255 characters',
  names: 'an object',
  dateOfBirth: 'a date as YYYY-MM-DD',
  address: 'an object',
  metadata: 'an object',
  uuid: 'a UUID',
}

/** Random IDs in the style of Quiltt's (`p_…`), URL- and hostname-safe. */
export function randomId(/** @type {string} */ prefix) {
  return `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`
}

/**
 * Checks a session request body: `{ userId?, ...attributes }`.
 * @param {unknown} body
 * @returns {{ ok: true, userId?: string, attributes: Record<string, unknown> } | { ok: false, errors: Record<string, string> }}
 */
export function parseSessionRequest(body) {
  if (!isPlainObject(body)) return { ok: false, errors: { body: 'must be a JSON object' } }
  // Null prototype: a body key such as "__proto__" must become an error entry, not a prototype.
  /** @type {Record<string, string>} */
  const errors = Object.create(null)
  /** @type {Record<string, unknown>} */
  const attributes = {}
  const { userId, ...rest } = body
  if (userId !== undefined && (typeof userId !== 'string' || !userId || userId.length > 255)) {
    errors.userId = 'must be a non-empty string (an existing Profile ID)'
  }
  for (const [key, value] of Object.entries(rest)) {
    // Own keys only: "__proto__" or "constructor" must not find Object.prototype's members.
    const check = Object.hasOwn(ATTRIBUTE_CHECKS, key)
      ? ATTRIBUTE_CHECKS[/** @type {keyof typeof ATTRIBUTE_CHECKS} */ (key)]
      : undefined
    if (!check) errors[key] = 'is not a Profile attribute'
    else if (value !== null && !check(value)) {
      errors[key] = `must be ${EXPECTED[/** @type {keyof typeof EXPECTED} */ (key)]}`
    } else attributes[key] = value
  }
  if (userId !== undefined && attributes.uuid !== undefined) {
    errors.uuid = 'only applies to new Profiles; omit it when sending userId'
  }
  if (Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, userId: /** @type {string | undefined} */ (userId), attributes }
}

/** In-memory Profiles and their Connections. */
export function createProfileStore() {
  /** @type {Map<string, Profile>} */
  const profiles = new Map()

  /** @param {Record<string, unknown>} attributes */
  function create(attributes) {
    const { uuid, ...rest } = attributes
    const id = typeof uuid === 'string' ? uuid.toLowerCase() : randomId('p')
    if (profiles.has(id)) return undefined
    /** @type {Profile} */
    const profile = { id, attributes: rest, connections: new Map() }
    profiles.set(id, profile)
    return profile
  }

  /** @param {string} id */
  const get = (id) => profiles.get(id)

  /** @param {Profile} profile @param {Record<string, unknown>} attributes */
  function update(profile, attributes) {
    Object.assign(profile.attributes, attributes)
  }

  /** @param {Profile} profile @param {string} institutionId @returns {Connection} */
  function addConnection(profile, institutionId) {
    const connection = { id: randomId('conn'), institutionId, createdAt: new Date().toISOString() }
    profile.connections.set(connection.id, connection)
    return connection
  }

  return { create, get, update, addConnection }
}
