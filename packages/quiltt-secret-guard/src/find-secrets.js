// @ts-check

/** @typedef {{ name: string, value: string }} Secret */

/** The one secret this project must never ship: checked whatever the pattern says. */
export const DEFAULT_NAMES = Object.freeze(['QUILTT_API_KEY_SECRET'])

/** Names that usually hold credentials. */
export const DEFAULT_PATTERN = /SECRET|PRIVATE|API_KEY/i

/** Long enough that a match in a bundle is a leak, not a coincidence with ordinary code. */
export const DEFAULT_MIN_LENGTH = 16

/**
 * Explicitly named variables are trusted to be secrets, so they get a lower floor; below it
 * a value such as `test` or `1234` would match ordinary code and fail clean builds.
 */
export const NAMED_MIN_LENGTH = 8

/**
 * Picks the environment variables whose values must not appear in any build output.
 * Values are trimmed: a value read from a file often carries a trailing newline, and the
 * trimmed value is a substring of the untrimmed one, so searching for it catches both.
 *
 * @param {{
 *   env: Readonly<Record<string, unknown>>,
 *   names: readonly string[],
 *   pattern: RegExp | null,
 *   minLength: number,
 *   allow?: readonly string[],
 * }} options `allow` exempts pattern matches only: a name listed in `names` is always checked
 * @returns {Secret[]} named variables first (in the given order), then pattern matches by name
 */
export function findSecrets({ env, names, pattern, minLength, allow = [] }) {
  const isSecretName = secretNameTest({ names, pattern, allow })
  /** @type {Map<string, string>} */
  const picked = new Map()

  for (const name of names) {
    const value = secretValue(env[name])
    if (value.length >= NAMED_MIN_LENGTH) picked.set(name, value)
  }

  const matching = Object.keys(env)
    .filter((name) => !picked.has(name) && !names.includes(name) && isSecretName(name))
    .sort()
  for (const name of matching) {
    const value = secretValue(env[name])
    if (value.length >= minLength) picked.set(name, value)
  }

  return Array.from(picked, ([name, value]) => ({ name, value }))
}

/**
 * Whether a variable's value is guarded: a listed name, or a name matching the pattern that
 * `allow` does not exempt. The one rule for the plugin, the command and the Nuxt module.
 *
 * @param {{ names: readonly string[], pattern: RegExp | null, allow?: readonly string[] }} rules
 * @returns {(name: string) => boolean}
 */
export function secretNameTest({ names, pattern, allow = [] }) {
  // A /g or /y pattern keeps state in lastIndex between test() calls; a copy without them does not.
  const namePattern = pattern && new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''))
  return (name) =>
    names.includes(name) || (!allow.includes(name) && Boolean(namePattern?.test(name)))
}

/**
 * Vite's resolved env also holds booleans (`DEV`, `PROD`); only strings can be secrets.
 * @param {unknown} value
 */
function secretValue(value) {
  return typeof value === 'string' ? value.trim() : ''
}
