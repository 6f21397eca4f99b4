// Property tests of `parseMessage` (SPEC §4.1) on near misses. 10,000 runs each prove that a
// valid message is dropped (parses to `undefined`, never throws) once mutated in any one way:
// source not exactly 'quiltt'; type missing, unknown, mis-cased or boxed; profileId or
// connectionId neither a string nor absent; connectorSession not a plain object with an own string
// id; a Navigate url missing, not an https URL, or not a string at all (an array, boxed String or
// URL object that stringifies to one); or the data not a plain object (its fields inherited, a
// class instance, an array, a Map, JSON text).
// Replay a failure with the seed it prints: see arbitraries.ts.
import fc from 'fast-check'
import { describe, test } from 'vitest'
import { anyValue, defineAll, plainObject, RUNS, TIMEOUT } from './arbitraries'
import { check, type Entries, expectMessage, noBigInt, replace } from './message-checks'
import {
  isPlain,
  MISSING,
  messageOf,
  notHttpsUrl,
  notStringNorAbsent,
  own,
  STRING_FIELDS,
  TYPES,
  text,
  unknownType,
  validMessage,
} from './message-model'

describe('parseMessage drops every mutation of a valid message', { timeout: TIMEOUT }, () => {
  const boxedType = fc.constantFrom(...TYPES).map((type) => Object(type) as unknown)
  const badSession = fc.oneof(
    notStringNorAbsent.filter((value) => !(isPlain(value) && typeof own(value, 'id') === 'string')),
    text,
    fc
      .oneof(fc.constantFrom(MISSING, null, undefined), notStringNorAbsent)
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
        expectMessage(check(plainObject(entries, nullPrototype)), undefined)
      }),
      RUNS,
    )
  })

  test('dropped when the data is not a plain object: inherited fields, class, array, Map, JSON text', () => {
    class Message {}
    const notLength = ([key]: [string, unknown]) => key !== 'length'
    const wrap = fc.constantFrom(
      (entries: Entries) => Object.create(plainObject(entries)),
      (entries: Entries) => defineAll(new Message(), entries),
      // An array's own `length` cannot be redefined; every other field goes on the array.
      (entries: Entries) => defineAll([], entries.filter(notLength)),
      (entries: Entries) => new Map(entries),
      (entries: Entries) => JSON.stringify(Object.fromEntries(entries), noBigInt),
    )
    fc.assert(
      fc.property(validMessage, wrap, ({ entries }, into) => {
        expectMessage(check(into(entries)), undefined)
      }),
      RUNS,
    )
  })
})
