// @ts-check
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { encodeSecret } from '../src/encodings.js'

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url))

/**
 * Runs the real `quiltt-secret-guard` bin in `cwd` with only `env` (plus PATH) as its
 * environment, so that no secret of the machine running the tests leaks in.
 *
 * @param {string} cwd
 * @param {readonly string[]} args
 * @param {Record<string, string>} [env]
 * @param {readonly string[]} [nodeArgs] options for Node itself, such as a heap limit
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
export function runCli(cwd, args, env = {}, nodeArgs = []) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...nodeArgs, CLI, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', ...env } },
      (error, stdout, stderr) => {
        const code = error ? Number(/** @type {{ code?: unknown }} */ (error).code) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

/**
 * Every string the guard searches for, so a test can assert that none is printed.
 * @param {string} output
 * @param {string} value
 */
export function printedForms(output, value) {
  return [value, ...encodeSecret(value).map(({ needle }) => needle)].filter((form) =>
    output.includes(form),
  )
}

/**
 * @param {string} root
 * @param {Record<string, string | Uint8Array>} files paths relative to root
 */
export async function writeTree(root, files) {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true })
    await writeFile(join(root, name), content)
  }
}

/**
 * The "NAME (encodings) in file" lines of a report, in order.
 * @param {string} output
 */
export function reportLines(output) {
  return output
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .map((line) => line.slice(4))
}

/**
 * The arguments of the `quiltt-secret-guard scan …` command in the README's per-framework
 * table row for `framework`, so a test runs the command users copy, as written.
 * @param {string} framework the first cell of the row, such as `Next.js (App Router)`
 * @returns {string[]}
 */
export function readmeCommand(framework) {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const row = readme.split('\n').find((line) => line.startsWith(`| ${framework} `))
  const command = row && /quiltt-secret-guard (scan [^"`]+)/.exec(row)?.[1]
  if (!command) throw new Error(`README has no scan command in the ${framework} row`)
  return command.trim().split(/\s+/)
}
