// @ts-check
import { encodeSecret } from './encodings.js'
import { readDotenvFiles } from './env-dotfiles.js'
import { DEFAULT_MIN_LENGTH, findSecrets } from './find-secrets.js'

/** @typedef {import('./scan.js').Target} Target */

/**
 * The search targets for the named variables, from the environment and from the `.env*` files
 * of `dir`: one per distinct value, so a value set in the shell and another in `.env.local`
 * are both looked for. By default only names are matched, no pattern: a command run over any
 * folder must not guess which other variables are secret.
 *
 * @param {{
 *   names: readonly string[],
 *   env: Readonly<Record<string, unknown>>,
 *   dir: string,
 *   pattern?: RegExp | null,
 *   minLength?: number,
 *   allow?: readonly string[],
 * }} options
 * @returns {Promise<Target[]>}
 */
export async function secretTargets({
  names,
  env,
  dir,
  pattern = null,
  minLength = DEFAULT_MIN_LENGTH,
  allow = [],
}) {
  const sources = [env, ...(await readDotenvFiles(dir)).map(({ vars }) => vars)]
  /** @type {Map<string, Target>} */
  const targets = new Map()
  for (const source of sources) {
    for (const { name, value } of findSecrets({
      env: source,
      names,
      pattern,
      minLength,
      allow,
    })) {
      // Keyed by name and value together; a NUL cannot be in an environment variable's name.
      const key = `${name}\0${value}`
      if (!targets.has(key)) targets.set(key, { name, needles: encodeSecret(value) })
    }
  }
  return [...targets.values()]
}
