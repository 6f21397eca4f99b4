// @ts-check
import { DEFAULT_NAMES } from './find-secrets.js'

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** An example name per option, for the error when one is missing. */
const EXAMPLE = { '--env': 'DATABASE_URL', '--allow': 'NEXT_PUBLIC_FIREBASE_API_KEY' }

/**
 * @typedef {{ names: string[], allow: string[], requireSecret: boolean, dirs: string[] }} ScanArgs
 */

/**
 * The arguments of `quiltt-secret-guard scan`: `--env NAME` adds a name to look for, as the
 * plugin's `names` option does; `--allow NAME` exempts a pattern-matched name, as `allow` does.
 *
 * @param {readonly string[]} args
 * @returns {{ help: true } | { error: string } | ScanArgs}
 */
export function parseScanArgs(args) {
  if (args.includes('--help') || args.includes('-h')) return { help: true }
  const [command, ...rest] = args
  if (command !== 'scan') {
    return { error: command === undefined ? 'no command given.' : `unknown command "${command}".` }
  }
  const names = [...DEFAULT_NAMES]
  /** @type {string[]} */
  const allow = []
  const dirs = []
  let requireSecret = false
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] ?? ''
    const option = /^(--env|--allow)(?:=(.*))?$/.exec(arg)
    if (arg === '--require-secret') {
      requireSecret = true
    } else if (option) {
      const flag = option[1] === '--env' ? '--env' : '--allow'
      const name = option[2] ?? rest[++i]
      if (name === undefined || !VARIABLE_NAME.test(name)) {
        return {
          error: `${flag} needs an environment variable name, such as ${flag} ${EXAMPLE[flag]}.`,
        }
      }
      const list = flag === '--env' ? names : allow
      if (!list.includes(name)) list.push(name)
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
  return { names, allow, requireSecret, dirs }
}
