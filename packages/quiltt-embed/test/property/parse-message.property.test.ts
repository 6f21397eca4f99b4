// Property tests of `parseMessage`, the guard on Connector `postMessage` data (SPEC §4.1; the
// source-window and origin checks in frame.ts are tested in Chromium). 10,000 runs each prove:
// - it never throws, for any value (boxed, null-prototype, Map, Set, typed arrays…), any JSON,
//   and JSON carrying `__proto__` / `constructor` / `prototype` keys;
// - it accepts exactly the valid shapes: every valid message (extra keys mixed in) parses to
//   exactly its known fields, and on arbitrary records of the known keys it agrees with
//   `oracle`, written from the spec in message-model.ts (near misses: the mutations file);
// - every result is a plain object with only known, well-typed own keys and a fresh
//   connectorSession (message-checks.ts); fields inherited from a polluted Object.prototype are
//   ignored; parsing never pollutes `Object.prototype`.
// Replay a failure with the seed it prints: see arbitraries.ts.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parseMessage } from '../../src/parse-message'
import type { QuilttMessage } from '../../src/types'
import { anyValue, HOSTILE_KEYS, plainObject, RUNS, TIMEOUT } from './arbitraries'
import { check, expectMessage, noBigInt } from './message-checks'
import {
  httpsUrl,
  isPlain,
  KNOWN_KEYS,
  messageLike,
  messageOf,
  oracle,
  TYPES,
  validMessage,
} from './message-model'

describe('parseMessage never throws', { timeout: TIMEOUT }, () => {
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
    const hostile = fc
      .object({ key, maxDepth: 1, maxKeys: 4 })
      .map((value) => ({ ...value, polluted: 1 }))
    const json = (value: unknown) => JSON.stringify(value, noBigInt)
    const message = messageOf(fc.constantFrom(...TYPES), fc.constant([]))
    const payload = fc.tuple(message, hostile, hostile).map(([message, top, inner]) => {
      const data = Object.fromEntries(message.entries)
      if (isPlain(data.connectorSession))
        data.connectorSession = { ...inner, ...data.connectorSession }
      const rest = json(data).slice(1)
      const text = `{"__proto__":${json(top)},"constructor":{"prototype":${json(top)}},${rest}`
      return { text, expected: message.expected }
    })
    fc.assert(
      fc.property(payload, ({ text, expected }) => {
        expectMessage(check(JSON.parse(text)), expected)
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      RUNS,
    )
  })
})

describe('parseMessage accepts exactly the valid shapes', { timeout: TIMEOUT }, () => {
  test('a valid message, with any extra keys, parses to exactly its known fields', () => {
    fc.assert(
      fc.property(validMessage, fc.boolean(), ({ entries, expected }, nullPrototype) => {
        expectMessage(check(plainObject(entries, nullPrototype)), expected)
      }),
      RUNS,
    )
  })

  test('on any record of the known keys, accepted exactly when the oracle accepts, with its output', () => {
    fc.assert(
      fc.property(messageLike, (data) => {
        const result = check(data)
        expect(result !== undefined).toBe(oracle(data) !== undefined)
        expectMessage(result, oracle(data))
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

describe('parseMessage reads own keys only', { timeout: TIMEOUT }, () => {
  const inheritable = { source: 'quiltt', type: 'Load', profileId: 'p', connectionId: 'c' }
  test('fields on a polluted Object.prototype are ignored', () => {
    // No extra keys: each run re-shapes Object.prototype, which makes every run costly already.
    const message = messageOf(fc.constantFrom(...TYPES), fc.constant([]))
    const keys = fc.subarray([...Object.keys(inheritable), 'connectorSession', 'url'], {
      minLength: 1,
    })
    fc.assert(
      fc.property(message, keys, ({ entries }, inherited) => {
        const data = plainObject(entries.filter(([key]) => !inherited.includes(key)))
        const values: Record<string, unknown> = { ...inheritable, connectorSession: { id: 's' } }
        values.url = 'https://polluted.example/'
        let result: QuilttMessage | undefined
        try {
          for (const key of inherited) {
            // As `Object.prototype[key] = value` would: writable, enumerable, configurable.
            const descriptor = { writable: true, enumerable: true, configurable: true }
            Object.defineProperty(Object.prototype, key, { ...descriptor, value: values[key] })
          }
          result = parseMessage(data)
        } finally {
          for (const key of inherited) delete (Object.prototype as Record<string, unknown>)[key]
        }
        expectMessage(result, oracle(data))
      }),
      RUNS,
    )
  })

  test('the result is fresh: changing its connectorSession leaves the input as it was', () => {
    fc.assert(
      fc.property(validMessage, httpsUrl, ({ entries, expected }, other) => {
        const data = plainObject(entries)
        const result = check(data)!
        if (result.connectorSession) result.connectorSession.id = other
        expectMessage(oracle(data), expected)
      }),
      RUNS,
    )
  })
})
