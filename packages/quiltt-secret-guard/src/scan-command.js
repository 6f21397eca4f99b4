// @ts-check
import { relative, resolve } from 'node:path'
import { browserFiles } from './browser-files.js'
import { DOTENV_FILES } from './env-dotfiles.js'
import { DEFAULT_NAMES, NAMED_MIN_LENGTH } from './find-secrets.js'
import { LEAK_ADVICE, leakList } from './leak-message.js'
import { scanFile } from './scan-files.js'
import { secretTargets } from './secret-sources.js'

/** Exit codes, documented in the README: they are what CI scripts branch on. */
export const EXIT = Object.freeze({ clean: 0, leak: 1, usage: 2 })

const USAGE = `Usage: quiltt-secret-guard scan [--env NAME]... [--require-secret] DIR...

Scans the files a browser can receive under each DIR (server code is skipped) for the values
of QUILTT_API_KEY_SECRET and of every --env NAME, read from the environment and from
${DOTENV_FILES.join(', ')} in the current folder.

Exit codes: 0 clean (or no secret value set), 1 a secret was found,
2 usage error, a DIR is missing or holds nothing to scan, or --require-secret and no secret.`

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * @typedef {{
 *   cwd: string,
 *   env: Readonly<Record<string, string | undefined>>,
 *   stdout: (line: string) => void,
 *   stderr: (line: string) => void,
 * }} CommandContext
 */

/**
 * `quiltt-secret-guard scan DIR...`, as a function so that it can be run in-process too.
 *
 * @param {readonly string[]} args the arguments after the program name
 * @param {CommandContext} context
 * @returns {Promise<number>} the exit code
 */
export async function scanCommand(args, { cwd, env, stdout, stderr }) {
  const parsed = parseArgs(args)
  if ('help' in parsed) {
    stdout(USAGE)
    return EXIT.clean
  }
  if ('error' in parsed) {
    stderr(`quiltt-secret-guard: ${parsed.error}\n\n${USAGE}`)
    return EXIT.usage
  }
  const { names, requireSecret, dirs } = parsed

  const targets = await secretTargets({ names, env, dir: cwd })
  if (targets.length === 0) {
    const what = `No value of ${names.join(' or ')} (${NAMED_MIN_LENGTH} characters or more) is set in the environment or in ${DOTENV_FILES.join(', ')} of ${cwd}`
    if (requireSecret) {
      stderr(
        `quiltt-secret-guard: ${what}, and --require-secret was given. Run the scan in the folder and environment the build ran in, with the secret set.`,
      )
      return EXIT.usage
    }
    stdout(
      `quiltt-secret-guard: ${what}: nothing to look for. A build made without the secret cannot contain it.`,
    )
    return EXIT.clean
  }

  const leaks = []
  let scanned = 0
  let skipped = 0
  for (const dir of dirs) {
    const root = resolve(cwd, dir)
    let found = 0
    try {
      for await (const file of browserFiles(root, cwd)) {
        if (file.skipped) {
          skipped += 1
          continue
        }
        found += 1
        leaks.push(...(await scanFile(file.path, relative(cwd, file.path), targets)))
      }
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error
      stderr(
        `quiltt-secret-guard: ${dir} does not exist. Run the scan after the build, on the folders it writes.`,
      )
      return EXIT.usage
    }
    if (found === 0) {
      stderr(
        `quiltt-secret-guard: ${dir} holds no file a browser can receive (server code is skipped). Run the scan after the build, on its client or static output.`,
      )
      return EXIT.usage
    }
    scanned += found
  }

  const summary = `${count(scanned, 'file')} scanned, ${count(skipped, 'server file')} skipped`
  if (leaks.length > 0) {
    stderr(
      [
        `quiltt-secret-guard: the value of a secret environment variable is in files a browser can receive (${summary}):`,
        ...leakList(leaks),
        ...LEAK_ADVICE,
      ].join('\n'),
    )
    return EXIT.leak
  }
  stdout(`quiltt-secret-guard: no value of ${names.join(', ')} found (${summary}).`)
  return EXIT.clean
}

/** @param {number} n @param {string} noun */
const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`

/**
 * @param {readonly string[]} args
 * @returns {{ help: true } | { error: string } | { names: string[], requireSecret: boolean, dirs: string[] }}
 */
function parseArgs(args) {
  if (args.includes('--help') || args.includes('-h')) return { help: true }
  const [command, ...rest] = args
  if (command !== 'scan') {
    return { error: command === undefined ? 'no command given.' : `unknown command "${command}".` }
  }
  const names = [...DEFAULT_NAMES]
  const dirs = []
  let requireSecret = false
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] ?? ''
    if (arg === '--require-secret') {
      requireSecret = true
    } else if (arg === '--env' || arg.startsWith('--env=')) {
      const name = arg === '--env' ? rest[++i] : arg.slice('--env='.length)
      if (name === undefined || !VARIABLE_NAME.test(name)) {
        return { error: '--env needs an environment variable name, such as --env DATABASE_URL.' }
      }
      if (!names.includes(name)) names.push(name)
    } else if (arg === '--') {
      dirs.push(...rest.slice(i + 1))
      break
    } else if (arg.startsWith('-')) {
      return { error: `unknown option "${arg}".` }
    } else {
      dirs.push(arg)
    }
  }
  if (dirs.length === 0) return { error: 'give at least one folder to scan, such as dist.' }
  return { names, requireSecret, dirs }
}
