// The checks every `parseMessage` result must pass, shared by the parse-message property files.
import { expect } from 'vitest'
import { parseMessage } from '../../src/parse-message'
import type { QuilttMessage } from '../../src/types'
import { isPlain, KNOWN_KEYS, MISSING, own } from './message-model'

export type Entries = [string, unknown][]

/** JSON.stringify replacer: BigInts (from fc.anything) become strings instead of throwing. */
export const noBigInt = (_: string, value: unknown) =>
  typeof value === 'bigint' ? String(value) : value

/** `entries` with `key` set to `value`, or left out when `value` is MISSING. */
export const replace = (entries: Entries, key: string, value: unknown): Entries => [
  ...entries.filter(([name]) => name !== key),
  ...(value === MISSING ? [] : [[key, value] as [string, unknown]]),
]

/** How `result` breaks the rules every result must follow, whatever the input. */
function flaws(result: QuilttMessage | undefined, input: unknown): string[] {
  const found: string[] = []
  if (Object.hasOwn(Object.prototype, 'polluted')) found.push('Object.prototype is polluted')
  if (result === undefined) return found
  if (Object.getPrototypeOf(result) !== Object.prototype) found.push('result is not a plain object')
  for (const key of Reflect.ownKeys(result)) {
    if (!KNOWN_KEYS.includes(key as string)) found.push(`unknown own key ${String(key)}`)
  }
  for (const key of ['type', 'profileId', 'connectionId', 'url'] as const) {
    const value: unknown = result[key]
    if (Object.hasOwn(result, key) && typeof value !== 'string') found.push(`${key} is no string`)
  }
  if (Object.hasOwn(result, 'connectorSession')) {
    const session: unknown = result.connectorSession
    if (
      !isPlain(session) ||
      Object.getPrototypeOf(session) !== Object.prototype ||
      Reflect.ownKeys(session).map(String).join() !== 'id'
    ) {
      found.push('connectorSession is not a plain { id }')
    } else if (typeof session.id !== 'string') found.push('connectorSession.id is no string')
    if (isPlain(input) && session === own(input, 'connectorSession')) {
      found.push("connectorSession is the input's own object")
    }
  }
  return found
}

/** Parses `input`, checks the result is clean, and returns it. */
export function check(input: unknown) {
  const result = parseMessage(input)
  const found = flaws(result, input)
  if (found.length) expect(found).toEqual([])
  return result
}

const same = (a: QuilttMessage | undefined, b: QuilttMessage | undefined) =>
  a === undefined || b === undefined
    ? a === b
    : Object.keys(a).sort().join() === Object.keys(b).sort().join() &&
      (['type', 'profileId', 'connectionId', 'url'] as const).every((key) => a[key] === b[key]) &&
      a.connectorSession?.id === b.connectorSession?.id

/** `toStrictEqual`, checked cheaply first: it runs 10,000 times a property. */
export function expectMessage(
  actual: QuilttMessage | undefined,
  expected: QuilttMessage | undefined,
) {
  if (!same(actual, expected)) expect(actual).toStrictEqual(expected)
}
