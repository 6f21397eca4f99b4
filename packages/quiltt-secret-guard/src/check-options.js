// @ts-check
import {
  DEFAULT_MIN_LENGTH,
  DEFAULT_NAMES,
  DEFAULT_PATTERN,
  NAMED_MIN_LENGTH,
} from './find-secrets.js'

/** @typedef {import('./index.js').SecretGuardOptions} SecretGuardOptions */

/**
 * Option errors name the option and the expected type; they never echo a value, which for
 * `env` would be the secrets themselves.
 * @param {SecretGuardOptions} options
 */
export function checkOptions(options) {
  const {
    names = DEFAULT_NAMES,
    pattern = DEFAULT_PATTERN,
    minLength = DEFAULT_MIN_LENGTH,
    allow = [],
    env,
  } = options ?? {}
  const fail = (/** @type {string} */ what) => {
    throw new TypeError(`quiltt-secret-guard: ${what}`)
  }
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
    fail('`names` must be an array of environment variable names (strings).')
  }
  if (pattern !== null && !(pattern instanceof RegExp)) {
    fail('`pattern` must be a RegExp tested against variable names, or null to check only `names`.')
  }
  if (!Number.isInteger(minLength) || minLength < NAMED_MIN_LENGTH) {
    fail(
      `\`minLength\` must be an integer of at least ${NAMED_MIN_LENGTH}; shorter values would match ordinary code.`,
    )
  }
  if (!Array.isArray(allow) || !allow.every((name) => typeof name === 'string')) {
    fail('`allow` must be an array of environment variable names (strings).')
  }
  if (env !== undefined && (env === null || typeof env !== 'object')) {
    fail('`env` must be an object mapping variable names to values (default: process.env).')
  }
  return { names, pattern, minLength, allow }
}
