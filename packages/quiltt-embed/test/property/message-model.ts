// A model of SPEC §4.1's inbound Connector message, written from the spec and not from
// src/parse-message.ts: `oracle` decides what a message must parse to, and the generators build
// valid messages (with the output they must produce) and near-miss values for every field.
import fc from 'fast-check'
import type { QuilttMessage } from '../../src/types'
import { anyValue, HOSTILE_KEYS, plainObject } from './arbitraries'

export const TYPES = ['Load', 'ExitSuccess', 'ExitAbort', 'ExitError', 'Navigate'] as const
export const KNOWN_KEYS = ['type', 'profileId', 'connectionId', 'connectorSession', 'url']
export const STRING_FIELDS = ['profileId', 'connectionId'] as const
const INPUT_KEYS = new Set(['source', ...KNOWN_KEYS])

/** Plain data as structured clone delivers it: prototype `Object.prototype` (or none at all). */
export function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Reflect.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(record, key) ? record[key] : undefined

/** SPEC §4.1's Navigate `url`: an `https:` URL without user name or password, at most 8,192 characters. */
export function isHttpsUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 8192) return false
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && url.username === '' && url.password === ''
  } catch {
    return false
  }
}

/**
 * What `parseMessage(data)` must return. Absent optional fields may be missing, `undefined` or
 * `null`; a present field of the wrong type drops the whole message; `url` belongs to `Navigate`
 * and is an extra key (dropped unchecked) on the other types.
 */
export function oracle(data: unknown): QuilttMessage | undefined {
  if (!isPlain(data) || own(data, 'source') !== 'quiltt') return undefined
  const type = TYPES.find((known) => known === own(data, 'type'))
  if (!type) return undefined
  const result: QuilttMessage = { type }
  for (const key of STRING_FIELDS) {
    const value = own(data, key)
    if (value === undefined || value === null) continue
    if (typeof value !== 'string') return undefined
    result[key] = value
  }
  const session = own(data, 'connectorSession')
  if (session !== undefined && session !== null) {
    const id = isPlain(session) ? own(session, 'id') : undefined
    if (typeof id !== 'string') return undefined
    result.connectorSession = { id }
  }
  if (type === 'Navigate') {
    const url = own(data, 'url')
    if (!isHttpsUrl(url)) return undefined
    result.url = url
  }
  return result
}

// ---- generators -------------------------------------------------------------------------------

export const text = fc.string({ unit: 'binary' })
export const httpsUrl = fc.webUrl({
  validSchemes: ['https'],
  withQueryParameters: true,
  withFragments: true,
})
/** Marks a field left out of the message altogether. */
export const MISSING = Symbol('missing')
const absent = fc.constantFrom(MISSING, undefined, null)
const extraKey = fc
  .oneof(fc.string(), fc.constantFrom(...HOSTILE_KEYS))
  .filter((key) => !INPUT_KEYS.has(key))
export const extras = fc.array(fc.tuple(extraKey, anyValue), { maxLength: 4 })

/** Entries of a valid message whose type `type` draws (absent fields missing, `undefined` or `null`; extra keys mixed in), and its parse. */
export const messageOf = (
  type: fc.Arbitrary<(typeof TYPES)[number]>,
  extra: fc.Arbitrary<[string, unknown][]> = extras,
) =>
  fc
    .record({
      type,
      profileId: fc.oneof(absent, text),
      connectionId: fc.oneof(absent, text),
      session: fc.oneof(absent, fc.tuple(text, extra, fc.boolean())),
      url: httpsUrl,
      extras: extra,
    })
    .map(({ type, profileId, connectionId, session, url, extras }) => {
      const entries: [string, unknown][] = [...extras, ['source', 'quiltt'], ['type', type]]
      const expected: QuilttMessage = { type }
      for (const [key, value] of [
        ['profileId', profileId],
        ['connectionId', connectionId],
      ] as const) {
        if (value !== MISSING) entries.push([key, value])
        if (typeof value === 'string') expected[key] = value
      }
      if (Array.isArray(session)) {
        const [id, more, nullPrototype] = session
        entries.push(['connectorSession', plainObject([...more, ['id', id]], nullPrototype)])
        expected.connectorSession = { id }
      } else if (session !== MISSING) entries.push(['connectorSession', session])
      if (type === 'Navigate') {
        entries.push(['url', url])
        expected.url = url
      }
      return { entries, expected }
    })

export const validMessage = messageOf(fc.constantFrom(...TYPES))

/** Values of the right kind for no field: never a string, never absent. */
export const notStringNorAbsent = fc.oneof(
  anyValue.filter((value) => value != null && typeof value !== 'string'),
  text.map((value) => Object(value) as unknown), // a boxed String survives structured clone
  httpsUrl.map((url) => [url]), // stringifies to an https URL
  httpsUrl.map((url) => new URL(url)),
)

/** Strings that are not exactly one of the five types: mis-cased, padded, or anything else. */
export const unknownType = fc
  .oneof(
    fc
      .constantFrom(...TYPES)
      .chain((type) =>
        fc.constantFrom(
          type.toLowerCase(),
          type.toUpperCase(),
          ` ${type}`,
          `${type}\0`,
          `${type}s`,
        ),
      ),
    fc.string({ unit: 'binary' }),
  )
  .filter((value) => !(TYPES as readonly string[]).includes(value))

/** Strings that are not an acceptable `https:` URL: other schemes, credentials, too long, relative references, garbage. */
export const notHttpsUrl = fc
  .oneof(
    fc.webUrl({ validSchemes: ['http', 'ftp', 'wss', 'file'] }),
    fc.webUrl().map((url) => url.replace(/^https?:\/\//, '')),
    fc.constantFrom(
      'javascript:alert(1)',
      'data:text/html,x',
      'https:',
      'https://',
      '//evil.example',
      '/next',
      'https://bank.example@evil.example/',
      'https://user:secret@bank.example/',
      'https://:secret@bank.example/',
      `https://bank.example/?state=${'x'.repeat(8192)}`,
    ),
    fc.string({ unit: 'binary' }),
  )
  .filter((value) => !isHttpsUrl(value))

/** Records over the input keys, each field valid more often than not, so both verdicts are common. */
export const messageLike = fc
  .record({
    source: fc.oneof({ weight: 8, arbitrary: fc.constant('quiltt') }, absent, anyValue),
    type: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...TYPES) },
      absent,
      unknownType,
      notStringNorAbsent,
    ),
    profileId: fc.oneof({ weight: 4, arbitrary: text }, absent, notStringNorAbsent),
    connectionId: fc.oneof({ weight: 4, arbitrary: text }, absent, notStringNorAbsent),
    connectorSession: fc.oneof(
      { weight: 4, arbitrary: text.map((id) => ({ id })) },
      absent,
      notStringNorAbsent.map((id) => ({ id })),
      notStringNorAbsent,
      text,
    ),
    url: fc.oneof({ weight: 4, arbitrary: httpsUrl }, absent, notHttpsUrl, notStringNorAbsent),
    extras,
    nullPrototype: fc.boolean(),
  })
  .map(({ extras, nullPrototype, ...fields }) => {
    const present = Object.entries(fields).filter(([, value]) => value !== MISSING)
    return plainObject([...extras, ...present], nullPrototype)
  })
