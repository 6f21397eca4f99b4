// @ts-check
import { Buffer } from 'node:buffer'
import { inspect } from 'node:util'
import { rollup } from 'rollup'
import { encodeSecret } from '../src/encodings.js'

/**
 * A secret in the shape of an API key secret, with characters that encodeURIComponent changes
 * (`+ / = & ?` and a space), and whose base64 holds `+` or `/` at every alignment, so that its
 * base64url form differs from its base64 form.
 */
export const SECRET = 'qk_sec_8fJ2+aZ/x7Q=Lm3&Tp?v Wd9s~~'

/** @param {string} text */
export const base64 = (text) => Buffer.from(text, 'utf8').toString('base64')

/** @param {string} text */
export const base64url = (text) => Buffer.from(text, 'utf8').toString('base64url')

/**
 * Runs a real Rollup build of one virtual module and returns the error it failed with, or
 * undefined when it succeeded. Warnings go to `warnings` instead of the console.
 *
 * @param {string} code the entry module's source
 * @param {{
 *   guard: import('rollup').Plugin,
 *   plugins?: import('rollup').Plugin[],
 *   output?: import('rollup').OutputOptions,
 *   warnings?: import('rollup').RollupLog[],
 * }} setup
 * @returns {Promise<Error | undefined>}
 */
export async function buildError(code, { guard, plugins = [], output = {}, warnings = [] }) {
  /** @type {import('rollup').Plugin} */
  const virtualEntry = {
    name: 'virtual-entry',
    resolveId: (id) => (id === 'entry' ? id : null),
    load: (id) => (id === 'entry' ? code : null),
  }
  const bundle = await rollup({
    input: 'entry',
    plugins: [virtualEntry, ...plugins, guard],
    onwarn: (warning) => {
      warnings.push(warning)
    },
  })
  try {
    await bundle.generate({ format: 'es', ...output })
    return undefined
  } catch (error) {
    return /** @type {Error} */ (error)
  } finally {
    await bundle.close()
  }
}

/**
 * Everything an error exposes (message, stack, cause, own properties, nested errors), so a
 * test can assert that no form of the secret is in any of it.
 * @param {unknown} error
 */
export function everythingIn(error) {
  return inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true })
}

/**
 * Asserts that the error carries neither the value nor any string the guard searches for.
 * @param {unknown} error
 * @param {string} value
 * @returns {string[]} the forms that leaked (empty when none did)
 */
export function leakedForms(error, value) {
  const text = everythingIn(error)
  const forms = [value, base64(value), ...encodeSecret(value).map(({ needle }) => needle)]
  return forms.filter((form) => text.includes(form))
}

/**
 * The "- NAME (encodings) in file" lines of a guard error, without the leading dash.
 * @param {Error | undefined} error
 */
export function leakLines(error) {
  return (error?.message ?? '')
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .map((line) => line.slice(4))
}
