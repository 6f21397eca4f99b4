import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { printedForms, reportLines } from './cli-helpers.js'

// The README's Rollup sample is this fixture's rollup.config.js, run here with `rollup -c`.
const FIXTURE = fileURLToPath(new URL('./fixtures/rollup-app/', import.meta.url))
const PACKAGE = fileURLToPath(new URL('..', import.meta.url))
const ROLLUP = fileURLToPath(import.meta.resolve('rollup/dist/bin/rollup'))
const SECRET = 'qk_sec_Zt8pW2mQ9xL4vR7nB3'

/** @type {string} */
let dir

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quiltt-secret-guard-rollup-'))
  await cp(FIXTURE, dir, { recursive: true })
  await mkdir(join(dir, 'node_modules'))
  await symlink(PACKAGE, join(dir, 'node_modules/quiltt-secret-guard'), 'dir')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** `rollup -c` in the copy, with the secret in its environment. */
function rollupC() {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? '', QUILTT_API_KEY_SECRET: SECRET }
    execFile(process.execPath, [ROLLUP, '-c'], { cwd: dir, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr })
    })
  })
}

it('`rollup -c` with the README config writes a clean bundle', async () => {
  const run = await rollupC()
  expect(run.code, run.output).toBe(0)
  expect((await readdir(join(dir, 'dist'))).sort()).toEqual(['main.js', 'main.js.map'])
})

it('`rollup -c` with the README config exits non-zero and writes nothing when the code holds the secret', async () => {
  await writeFile(join(dir, 'src/main.js'), `export const key = ${JSON.stringify(SECRET)}\n`)
  const run = await rollupC()
  expect(run.code).not.toBe(0)
  expect(reportLines(run.output)).toEqual([
    'QUILTT_API_KEY_SECRET (verbatim) in main.js',
    'QUILTT_API_KEY_SECRET (verbatim) in main.js.map',
  ])
  expect(printedForms(run.output, SECRET)).toEqual([])
  await expect(readdir(join(dir, 'dist'))).rejects.toThrow(/ENOENT/)
})
