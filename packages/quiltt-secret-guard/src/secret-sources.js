// @ts-check
import { encodeSecret } from './encodings.js'
import { readDotenvFiles } from './env-dotfiles.js'
import { expandDotenv } from './expand-dotenv.js'
import { findSecrets, secretNameTest } from './find-secrets.js'

/** @typedef {import('./scan.js').Target} Target */
/**
 * @typedef {{
 *   names: readonly string[],
 *   pattern: RegExp | null,
 *   minLength: number,
 *   allow: readonly string[],
 * }} SecretRules the resolved options of the plugin (`checkOptions`), shared by the command
 */

/**
 * The search targets, from the environment and from the `.env*` files of `dir`, expanded as
 * frameworks expand them: one per distinct value, so a value set in the shell and another in
 * `.env.local` are both looked for.
 *
 * @param {{ env: Readonly<Record<string, unknown>>, dir: string, rules: SecretRules }} options
 * @returns {Promise<{
 *   targets: Target[],
 *   unresolved: Array<{ name: string, file: string }>,
 * }>} `unresolved`: guarded variables whose file value refers to a variable set nowhere here
 */
export async function secretSources({ env, dir, rules }) {
  const { views, unresolved } = expandDotenv(env, await readDotenvFiles(dir))
  /** @type {Map<string, Target>} */
  const targets = new Map()
  for (const view of views) {
    for (const { name, value } of findSecrets({ env: view, ...rules })) {
      // Keyed by name and value together; a NUL cannot be in an environment variable's name.
      const key = `${name}\0${value}`
      if (!targets.has(key)) targets.set(key, { name, needles: encodeSecret(value) })
    }
  }
  const isSecretName = secretNameTest(rules)
  return {
    targets: [...targets.values()],
    unresolved: unresolved.filter(({ name }) => isSecretName(name)),
  }
}
