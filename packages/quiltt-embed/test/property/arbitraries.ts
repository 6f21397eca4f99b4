// Shared run settings and generators for the property tests (parse-message and token).
//
// Replaying a failure: fast-check's report prints `{ seed: S, path: "P", endOnFailure: true }`
// above the counterexample. Re-run with
//   FC_SEED=S FC_PATH=P npx vitest run --project node packages/quiltt-embed/test/property
// (FC_PATH is optional: without it the run starts again from the seed and shrinks anew).
import fc from 'fast-check'

const seed = process.env.FC_SEED
const path = process.env.FC_PATH

/** Run parameters for every property: at least 10,000 runs, replayable from the environment. */
export const RUNS: { numRuns: number; seed?: number; path?: string } = {
  numRuns: 10_000,
  ...(seed ? { seed: Number(seed) } : {}),
  ...(path ? { path } : {}),
}

/** Every value a `postMessage` could deliver, and more: boxed, null-prototype, Map, Set, typed. */
export const anyValue = fc.anything({
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

/** Own keys of a plain object, `__proto__` included, with either prototype a plain object has. */
export function plainObject(entries: [string, unknown][], nullPrototype = false): object {
  const object = nullPrototype ? Object.create(null) : {}
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return object
}

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
