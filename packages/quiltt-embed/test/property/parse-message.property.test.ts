// Property tests of `parseMessage`, the guard on Connector `postMessage` data (SPEC §4.1; the
// source-window and origin checks in frame.ts are tested in Chromium). 10,000 runs each prove:
// - it never throws, for any value (boxed, null-prototype, Map, Set, typed arrays…), any JSON,
//   and JSON carrying `__proto__` / `constructor` / `prototype` keys;
// - it accepts exactly the valid shapes: every valid message (extra keys mixed in) parses to
//   exactly its known fields; every mutation of one (wrong source or type, a field of the wrong
//   type, a bad connectorSession or Navigate url, data that is not a plain object) is dropped;
//   and on arbitrary records it agrees with `oracle`, written from the spec in message-model.ts;
// - its result is a plain object with only known own keys, a fresh connectorSession, nothing
//   inherited, and parsing never pollutes `Object.prototype`.
// Replay a failure with the seed it prints: see arbitraries.ts.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parseMessage, type QuilttMessage } from '../../src/parse-message'
import { anyValue, HOSTILE_KEYS, plainObject, RUNS } from './arbitraries'
import {
  extras,
  httpsUrl,
  isPlain,
  KNOWN_KEYS,
  MISSING,
  messageLike,
  messageOf,
  notHttpsUrl,
  notStringNorAbsent,
  oracle,
  own,
  STRING_FIELDS,
  TYPES,
  text,
  unknownType,
  validMessage,
} from './message-model'

type Entries = [string, unknown][]

/** What every result must look like, whatever the input. */
function expectClean(result: QuilttMessage | undefined, input: unknown) {
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false)
  if (result === undefined) return
  expect(Object.getPrototypeOf(result)).toBe(Object.prototype)
  for (const key of Reflect.ownKeys(result)) expect(KNOWN_KEYS).toContain(key)
  for (const key of ['type', 'profileId', 'connectionId', 'url'] as const) {
    if (Object.hasOwn(result, key)) expect(typeof result[key]).toBe('string')
  }
  const session = result.connectorSession
  if (Object.hasOwn(result, 'connectorSession')) {
    expect(Object.getPrototypeOf(session)).toBe(Object.prototype)
    expect(Reflect.ownKeys(session!)).toEqual(['id'])
    expect(typeof session!.id).toBe('string')
    expect(session).not.toBe(isPlain(input) ? own(input, 'connectorSession') : undefined)
  }
}

const check = (input: unknown) => {
  const result = parseMessage(input)
  expectClean(result, input)
  return result
}

const replace = (entries: Entries, key: string, value: unknown): Entries => [
  ...entries.filter(([name]) => name !== key),
  ...(value === MISSING ? [] : [[key, value] as [string, unknown]]),
]

describe('parseMessage never throws', () => {
  test('on any value', () => {
    fc.assert(
      fc.property(anyValue, (value) => void check(value)),
      RUNS,
    )
  })

  test('on any JSON', () => {
    fc.assert(
      fc.property(fc.json(), (json) => void check(JSON.parse(json))),
      RUNS,
    )
  })

  test('on JSON with __proto__, constructor and prototype keys, and pollutes nothing', () => {
    const key = fc.oneof(
      fc.constantFrom(...HOSTILE_KEYS, 'polluted', 'id', ...KNOWN_KEYS),
      fc.string(),
    )
    const hostile = fc.object({ key, maxDepth: 2 }).map((value) => ({ ...value, polluted: 1 }))
    const json = (value: unknown) =>
      JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v))
    const payload = fc.tuple(validMessage, hostile, hostile).map(([message, top, inner]) => {
      const data = Object.fromEntries(message.entries)
      if (isPlain(data.connectorSession))
        data.connectorSession = { ...inner, ...data.connectorSession }
      const rest = json(data).slice(1)
      const text = `{"__proto__":${json(top)},"constructor":{"prototype":${json(top)}},${rest}`
      return { text, expected: message.expected }
    })
    fc.assert(
      fc.property(payload, ({ text, expected }) => {
        expect(check(JSON.parse(text))).toStrictEqual(expected)
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      RUNS,
    )
  })
})

describe('parseMessage accepts exactly the valid shapes', () => {
  test('a valid message, with any extra keys, parses to exactly its known fields', () => {
    fc.assert(
      fc.property(validMessage, fc.boolean(), ({ entries, expected }, nullPrototype) => {
        expect(check(plainObject(entries, nullPrototype))).toStrictEqual(expected)
      }),
      RUNS,
    )
  })

  const boxedType = fc.constantFrom(...TYPES).map((type) => Object(type) as unknown)
  const badSession = fc.oneof(
    notStringNorAbsent.filter((value) => !(isPlain(value) && typeof own(value, 'id') === 'string')),
    text,
    fc
      .oneof(fc.constant(MISSING), fc.constant(null), notStringNorAbsent)
      .map((id) => plainObject(id === MISSING ? [] : [['id', id]])),
    text.map((id) => Object.create({ id })), // an inherited id is no id
    text.map((id) => new Map([['id', id]])),
  )
  const navigate = messageOf(fc.constant('Navigate'))
  const mutations: [string, fc.Arbitrary<Entries>][] = [
    [
      'source is missing or not exactly "quiltt"',
      fc
        .tuple(
          validMessage,
          fc.oneof(
            fc.constantFrom(
              MISSING,
              'Quiltt',
              'QUILTT',
              ' quiltt',
              'quiltt\0',
              '',
              Object('quiltt'),
            ),
            anyValue.filter((value) => value !== 'quiltt'),
          ),
        )
        .map(([message, source]) => replace(message.entries, 'source', source)),
    ],
    [
      'type is missing, unknown, mis-cased or not a string',
      fc
        .tuple(
          validMessage,
          fc.oneof(fc.constant(MISSING), unknownType, boxedType, notStringNorAbsent),
        )
        .map(([message, type]) => replace(message.entries, 'type', type)),
    ],
    [
      'profileId or connectionId is neither a string nor absent',
      fc
        .tuple(validMessage, fc.constantFrom(...STRING_FIELDS), notStringNorAbsent)
        .map(([message, key, value]) => replace(message.entries, key, value)),
    ],
    [
      'connectorSession is not a plain object with an own string id',
      fc
        .tuple(validMessage, badSession)
        .map(([message, session]) => replace(message.entries, 'connectorSession', session)),
    ],
    [
      'a Navigate url is missing, null or not an https URL',
      fc
        .tuple(navigate, fc.oneof(fc.constantFrom(MISSING, null, undefined), notHttpsUrl))
        .map(([message, url]) => replace(message.entries, 'url', url)),
    ],
    [
      'a Navigate url is not a string, even one that stringifies to an https URL',
      fc
        .tuple(navigate, notStringNorAbsent)
        .map(([message, url]) => replace(message.entries, 'url', url)),
    ],
  ]
  test.each(mutations)('dropped when %s', (_, mutated) => {
    fc.assert(
      fc.property(mutated, fc.boolean(), (entries, nullPrototype) => {
        expect(check(plainObject(entries, nullPrototype))).toBeUndefined()
      }),
      RUNS,
    )
  })

  test('dropped when the data is not a plain object: inherited fields, class, array, Map, JSON text', () => {
    class Message {}
    const wrap = fc.constantFrom(
      (entries: Entries) => Object.create(plainObject(entries)),
      (entries: Entries) => Object.assign(new Message(), plainObject(entries)),
      (entries: Entries) => Object.assign([], plainObject(entries)),
      (entries: Entries) => new Map(entries),
      (entries: Entries) => JSON.stringify(Object.fromEntries(entries)),
    )
    fc.assert(
      fc.property(validMessage, wrap, ({ entries }, into) => {
        expect(check(into(entries))).toBeUndefined()
      }),
      RUNS,
    )
  })

  test('on any record of the known keys, accepted exactly when the oracle accepts, with its output', () => {
    fc.assert(
      fc.property(messageLike, (data) => {
        const result = check(data)
        expect(result !== undefined).toBe(oracle(data) !== undefined)
        expect(result).toStrictEqual(oracle(data))
      }),
      RUNS,
    )
  })

  test('the oracle generator yields both verdicts often (the property above is not vacuous)', () => {
    const accepted = fc.sample(messageLike, { numRuns: 2000, seed: 1 }).filter(oracle).length
    expect(accepted).toBeGreaterThan(300)
    expect(accepted).toBeLessThan(1700)
  })
})

describe('parseMessage reads own keys only', () => {
  const inheritable = { source: 'quiltt', type: 'Load', profileId: 'p', connectionId: 'c' }
  test('fields on a polluted Object.prototype are ignored', () => {
    const keys = fc.subarray([...Object.keys(inheritable), 'connectorSession', 'url'], {
      minLength: 1,
    })
    fc.assert(
      fc.property(validMessage, keys, extras, ({ entries }, inherited, more) => {
        const data = plainObject([...more, ...entries.filter(([key]) => !inherited.includes(key))])
        const values: Record<string, unknown> = { ...inheritable, connectorSession: { id: 's' } }
        values.url = 'https://polluted.example/'
        let result: QuilttMessage | undefined
        try {
          for (const key of inherited) {
            Object.defineProperty(Object.prototype, key, { value: values[key], configurable: true })
          }
          result = parseMessage(data)
        } finally {
          for (const key of inherited) delete (Object.prototype as Record<string, unknown>)[key]
        }
        expect(result).toStrictEqual(oracle(data))
      }),
      RUNS,
    )
  })

  test('the result is fresh: mutating it or the input afterwards does not reach the other', () => {
    fc.assert(
      fc.property(validMessage, httpsUrl, ({ entries, expected }, other) => {
        const data = plainObject(entries)
        const result = check(data)!
        if (result.connectorSession) result.connectorSession.id = other
        expect(oracle(data)).toStrictEqual(expected)
      }),
      RUNS,
    )
  })
})
