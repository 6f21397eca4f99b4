// @ts-check
import { expand } from 'dotenv-expand'

/** @typedef {import('./env-dotfiles.js').DotenvFile} DotenvFile */

/**
 * A plain reference, `$NAME` or `${NAME}`, that no backslash escapes. One with a fallback
 * (`${NAME:-default}`) always has a value, so it is not matched.
 */
const REFERENCE = /(?<!\\)\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g

/**
 * The values a build may have taken from the environment and the `.env` files, expanded as
 * dotenv-expand expands them for Vite (`loadEnv`) and Next.js (`loadEnvConfig`): `$VAR`,
 * `${VAR}`, `${VAR:-default}`, `\$` for a literal dollar sign; the environment wins over every
 * file, and a later file over an earlier one.
 *
 * Besides the values the build sees, each file's own values are expanded too, so a value that
 * a later file or the environment overrides is still looked for (an earlier build, another CI
 * job, may have inlined it).
 *
 * @param {Readonly<Record<string, unknown>>} env
 * @param {readonly DotenvFile[]} files lowest precedence first
 * @returns {{
 *   views: Array<Record<string, string>>,
 *   unresolved: Array<{ name: string, file: string }>,
 * }} `views[0]` is what the build sees; `unresolved` lists each file value that refers to a
 *   variable set nowhere here (expanded to nothing), unless the environment overrides it
 */
export function expandDotenv(env, files) {
  /** @type {Record<string, string>} */
  const environment = {}
  for (const [name, value] of Object.entries(env)) {
    if (typeof value === 'string') environment[name] = value
  }

  // expand() writes the expanded file values into processEnv, next to the environment's.
  const build = { ...environment }
  expand({ parsed: Object.assign({}, ...files.map(({ vars }) => vars)), processEnv: build })

  const views = [build]
  for (const { vars } of files) {
    // Around this file, everything else as the build sees it; its own names take its values.
    const around = Object.fromEntries(
      Object.entries(build).filter(([name]) => !Object.hasOwn(vars, name)),
    )
    views.push(
      /** @type {Record<string, string>} */ (
        expand({ parsed: { ...vars }, processEnv: around }).parsed
      ),
    )
  }

  // dotenv-expand takes an empty value as unset: `${NAME}` then expands to nothing.
  const isSet = (/** @type {string} */ name) => Object.hasOwn(build, name) && build[name] !== ''
  const unresolved = []
  for (const { file, vars } of files) {
    for (const [name, raw] of Object.entries(vars)) {
      // dotenv-expand keeps a non-empty environment value and never reads the file's.
      if (Object.hasOwn(environment, name) && environment[name] !== '') continue
      if (references(raw).some((reference) => !isSet(reference))) unresolved.push({ name, file })
    }
  }
  return { views, unresolved }
}

/** @param {string} raw */
function references(raw) {
  return Array.from(raw.matchAll(REFERENCE), (match) => match[1] ?? match[2] ?? '')
}
