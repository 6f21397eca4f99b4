// @ts-check
import { findLeaks } from './scan.js'

/** @typedef {import('./scan.js').Target} Target */
/** @typedef {import('./scan.js').Leak & { path: string }} ConfigLeak */

/** Deeper than any real config; a limit keeps a hostile or cyclic object from hanging us. */
const MAX_DEPTH = 20

/**
 * Which secrets are in a config object that ships to the browser (Nuxt renders
 * `runtimeConfig.public` into every page), by key path. Only own enumerable string values are
 * read, as `JSON.stringify` (what renders it) reads them; a key named after a secret is
 * reported without printing it.
 *
 * @param {unknown} config
 * @param {readonly Target[]} targets
 * @param {string} path how to name the root in the report, such as `runtimeConfig.public`
 * @returns {ConfigLeak[]}
 */
export function publicConfigLeaks(config, targets, path) {
  /** @type {ConfigLeak[]} */
  const leaks = []
  if (targets.length === 0) return leaks
  /** @type {Set<object>} */
  const seen = new Set()

  /** @param {unknown} value @param {string} at @param {number} depth */
  const visit = (value, at, depth) => {
    if (typeof value === 'string') {
      for (const leak of findLeaks(value, targets)) leaks.push({ ...leak, path: at })
      return
    }
    if (value === null || typeof value !== 'object' || seen.has(value) || depth > MAX_DEPTH) return
    seen.add(value)
    for (const key of Object.keys(value)) {
      const inKey = findLeaks(key, targets)
      const keyPath = inKey.length > 0 ? `${at}[a key that contains it]` : `${at}.${key}`
      for (const leak of inKey) leaks.push({ ...leak, path: keyPath })
      visit(/** @type {Record<string, unknown>} */ (value)[key], keyPath, depth + 1)
    }
  }
  visit(config, path, 0)
  return leaks
}

/**
 * The error for a secret in `runtimeConfig.public`, at build or at server start.
 * @param {readonly ConfigLeak[]} leaks
 * @param {string} when
 */
export function publicConfigMessage(leaks, when) {
  return [
    `quiltt-secret-guard: ${when}: runtimeConfig.public holds the value of a secret environment variable, and Nuxt renders runtimeConfig.public into every page:`,
    ...leaks.map(({ name, encodings, path }) => `  - ${name} (${encodings.join(', ')}) in ${path}`),
    'Keep the secret in private runtimeConfig (outside `public`), read it only in server routes, and check the NUXT_PUBLIC_* variables of the environment: each overrides a runtimeConfig.public key at run time.',
    'Values are never printed. If a page was ever served like this, rotate the secret.',
  ].join('\n')
}
