// Precompressed copies (`.gz`, `.br`) are what a server sends to most browsers: the command
// decompresses them, bounded, and scans what is inside.
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { brotliCompressSync, constants, createGzip, gzipSync } from 'node:zlib'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { printedForms, reportLines, runCli, writeTree } from './cli-helpers.js'

const SECRET = 'ls_sk_Zt8pW2mQ9xL4vR7nB3'
/** The README's bound on what one compressed file may unpack to. */
const BOUND_MIB = 256
const env = { QUILTT_API_KEY_SECRET: SECRET }

/** @type {string} */
let root

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'quiltt-secret-guard-compressed-'))
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** A minified bundle of about 200 KB, so the secret sits far inside the compressed stream. */
function bundle(secret = '') {
  const filler = Array.from({ length: 4000 }, (_, i) => `function f${i}(a){return a*${i}}`)
  filler.splice(2000, 0, `const key=${JSON.stringify(secret)};`)
  return filler.join(';')
}

it('finds the secret inside .gz and .br copies, naming the file and its compression', async () => {
  // The plain app.js is clean; only its precompressed siblings hold the secret (a stale
  // compression step, or one run on another build).
  await writeTree(root, {
    'dist/app.js': bundle(),
    'dist/app.js.gz': gzipSync(bundle(SECRET)),
    'dist/app.js.br': brotliCompressSync(bundle(SECRET)),
  })
  const run = await runCli(root, ['scan', 'dist'], env)
  expect(run.code).toBe(1)
  expect(reportLines(run.stderr)).toEqual([
    'QUILTT_API_KEY_SECRET (verbatim) in dist/app.js.br (decompressed from brotli)',
    'QUILTT_API_KEY_SECRET (verbatim) in dist/app.js.gz (decompressed from gzip)',
  ])
  expect(printedForms(run.stdout + run.stderr, SECRET)).toEqual([])
})

it('passes clean compressed copies', async () => {
  await writeTree(root, {
    'dist/app.js': bundle(),
    'dist/app.js.gz': gzipSync(bundle()),
    'dist/app.js.br': brotliCompressSync(bundle()),
  })
  const run = await runCli(root, ['scan', 'dist'], env)
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('3 files scanned')
})

it('exits 2 for a .gz file that is not gzip, since what is inside cannot be checked', async () => {
  await writeTree(root, { 'dist/app.js.gz': `const key = "${SECRET}"` })
  const run = await runCli(root, ['scan', 'dist'], env)
  expect(run.code).toBe(2)
  expect(run.stderr).toContain('dist/app.js.gz')
  expect(run.stderr).toContain('gzip')
  expect(printedForms(run.stdout + run.stderr, SECRET)).toEqual([])
})

it('stops a decompression bomb at the bound with exit 2, in little memory', async () => {
  // 300 MiB of zeros in about 300 KB of gzip. The command runs with a 64 MB JavaScript heap:
  // decompressing it whole into a string would die there; the bounded stream stops early.
  const bomb = join(root, 'dist/bomb.js.gz')
  await mkdir(join(root, 'dist'), { recursive: true })
  const zeros = Buffer.alloc(1024 * 1024)
  const size = (BOUND_MIB + 44) * 1024 * 1024
  await pipeline(
    Readable.from(
      (function* () {
        for (let n = 0; n < size; n += zeros.length) yield zeros
      })(),
    ),
    createGzip({ level: constants.Z_BEST_SPEED }),
    createWriteStream(bomb),
  )
  const run = await runCli(root, ['scan', 'dist'], env, ['--max-old-space-size=64'])
  expect(run.code).toBe(2)
  expect(run.stderr).toContain('dist/bomb.js.gz')
  expect(run.stderr).toContain(`more than ${BOUND_MIB} MiB`)
})
