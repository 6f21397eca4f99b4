// Shared run settings and generators for the property tests (parse-message and token).
//
// Replaying a failure: fast-check's report prints `{ seed: S, path: "P", endOnFailure: true }`
// above the counterexample. Re-run that one property with
//   FC_SEED=S FC_PATH=P npx vitest run --project node packages/quiltt-embed/test/property -t 'NAME'
// (-t keeps the seed and path from reaching the other properties; FC_PATH is optional: without
// it the run starts again from the seed and shrinks anew).
import fc from 'fast-check'

const seed = process.env.FC_SEED
const path = process.env.FC_PATH

/** Run parameters for every property: at least 10,000 runs, replayable from the environment. */
export const RUNS: { numRuns: number; seed?: number; path?: string } = {
  numRuns: 10_000,
  ...(seed ? { seed: Number(seed) } : {}),
  ...(path ? { path } : {}),
}

/**
 * Per-test timeout. 10,000 runs take seconds on an idle machine, but a loaded CI runner (or the
 * Chromium suites running alongside) can slow them tenfold; a slow property is not a failure.
 */
export const TIMEOUT = 300_000

/** Every value a `postMessage` could deliver, and more: boxed, null-prototype, Map, Set, typed. */
export const anyValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
})

/** Keys that have polluted prototypes in naive parsers and mergers. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype'] as const

/** Defines `entries` as own enumerable data properties (`__proto__` included) on `target`. */
export function defineAll<T extends object>(target: T, entries: [string, unknown][]): T {
  for (const [key, value] of entries) {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return target
}

/** A plain object with these own entries, with either prototype a plain object may have. */
export const plainObject = (entries: [string, unknown][], nullPrototype = false): object =>
  defineAll(nullPrototype ? Object.create(null) : {}, entries)

/** Base64url without padding, as JWS compact serialization uses. */
export const base64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url')

/**
 * The 8-character windows of `text`. An error "echoes" a secret when it shares any window with
 * it, so a leak of a mere slice of the secret counts, while short coincidences do not.
 */
export function windows(text: string, size = 8): Set<string> {
  const found = new Set<string>()
  for (let i = 0; i + size <= text.length; i++) found.add(text.slice(i, i + size))
  return found
}
