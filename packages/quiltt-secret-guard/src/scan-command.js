// @ts-check
import { relative, resolve } from 'node:path'
import { browserFiles } from './browser-files.js'
import { checkOptions } from './check-options.js'
import { DOTENV_FILES } from './env-dotfiles.js'
import { DEFAULT_MIN_LENGTH, DEFAULT_PATTERN, NAMED_MIN_LENGTH } from './find-secrets.js'
import { LEAK_ADVICE, leakList } from './leak-message.js'
import { parseScanArgs } from './scan-args.js'
import { scanFile } from './scan-files.js'
import { secretSources } from './secret-sources.js'

/** Exit codes, documented in the README: they are what CI scripts branch on. */
export const EXIT = Object.freeze({ clean: 0, leak: 1, usage: 2 })

const USAGE = `Usage: quiltt-secret-guard scan [--env NAME]... [--allow NAME]... [--require-secret] DIR...

Scans the files a browser can receive under each DIR (server code is skipped) for the values
of QUILTT_API_KEY_SECRET, of every --env NAME, and of every other variable whose name matches
${DEFAULT_PATTERN} (${DEFAULT_MIN_LENGTH} characters or more) unless given with --allow, read
from the environment and from ${DOTENV_FILES.join(', ')} in the current folder.

Exit codes: 0 clean (or no secret value set), 1 a secret was found,
2 usage error, a DIR is missing or holds nothing to scan, a file cannot be read or
decompressed, or --require-secret and a named secret is not set.`

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
  const parsed = parseScanArgs(args)
  if ('help' in parsed) {
    stdout(USAGE)
    return EXIT.clean
  }
  if ('error' in parsed) {
    stderr(`quiltt-secret-guard: ${parsed.error}\n\n${USAGE}`)
    return EXIT.usage
  }
  const { names, allow, requireSecret, dirs } = parsed
  // The plugin's own rules: its pattern and lengths, with --env and --allow as names and allow.
  const rules = checkOptions({ names, allow })
  const { targets, unresolved } = await secretSources({ env, dir: cwd, rules })

  // Values are never printed, nor the name a reference points at: in a secret that merely
  // holds a `$`, what follows it is part of the value.
  for (const { name, file } of unresolved) {
    stderr(
      `quiltt-secret-guard: ${name} in ${file} refers to a variable ($NAME or \${NAME}) that is set neither in the environment nor in ${DOTENV_FILES.join(', ')}, so the build read that reference as empty and the real value is unknown here. Run the scan where that variable is set; write a "$" that belongs to the value as "\\$".`,
    )
  }
  const missing = names.filter((name) => !targets.some((target) => target.name === name))
  if (requireSecret && (missing.length > 0 || unresolved.length > 0)) {
    const what =
      missing.length > 0
        ? `No value of ${missing.join(' or ')} (${NAMED_MIN_LENGTH} characters or more) is set in the environment or in ${DOTENV_FILES.join(', ')} of ${cwd}`
        : 'A secret refers to a variable that is not set'
    stderr(
      `quiltt-secret-guard: ${what}, and --require-secret was given. Run the scan in the folder and environment the build ran in, with the secret set.`,
    )
    return EXIT.usage
  }
  if (targets.length === 0) {
    stdout(
      `quiltt-secret-guard: No value of ${names.join(' or ')} (${NAMED_MIN_LENGTH} characters or more), nor of another variable named like ${DEFAULT_PATTERN} (${rules.minLength} or more), is set in the environment or in ${DOTENV_FILES.join(', ')} of ${cwd}: nothing to look for. A build made without the secret cannot contain it.`,
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
  const looked = [...new Set(targets.map((target) => target.name))]
  stdout(`quiltt-secret-guard: no value of ${looked.join(', ')} found (${summary}).`)
  return EXIT.clean
}

/** @param {number} n @param {string} noun */
const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`
