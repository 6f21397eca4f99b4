// Which variables the command looks for: the plugin's (QUILTT_API_KEY_SECRET and every name
// matching its pattern), plus --env NAME, minus --allow NAME.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { secretGuard } from '../src/index.js'
import { printedForms, readmeCommand, reportLines, runCli, writeTree } from './cli-helpers.js'
import { buildError, leakLines } from './helpers.js'

/** A value in the shape of Quiltt's API key secret, long enough for the pattern's 16. */
const VALUE = 'ls_sk_9Qm2Vx7Lr4Tz8Kw1Pb6Nd3'

/** @type {string} */
let root

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'quiltt-secret-guard-names-'))
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

it('finds a secret that only a NEXT_PUBLIC_ variable in .env holds, with the README Next.js command', async () => {
  // The mistake the guard exists for: a public prefix on the secret. Next.js inlines the
  // variable into the client chunk; the scan read only QUILTT_API_KEY_SECRET and exited 0.
  await writeTree(root, {
    '.env': `NEXT_PUBLIC_QUILTT_API_KEY_SECRET=${VALUE}\n`,
    '.next/static/chunks/app/page-3f2a.js': `self.k="${VALUE}"`,
    '.next/server/app/index.html': '<p>hello</p>',
    'public/robots.txt': 'User-agent: *\n',
  })
  const run = await runCli(root, readmeCommand('Next.js (App Router)'))
  expect(run.code).toBe(1)
  expect(reportLines(run.stderr)).toEqual([
    'NEXT_PUBLIC_QUILTT_API_KEY_SECRET (verbatim) in .next/static/chunks/app/page-3f2a.js',
  ])
  expect(printedForms(run.stdout + run.stderr, VALUE)).toEqual([])
})

it('looks for the same variables as the plugin, given the same values', async () => {
  const env = {
    QUILTT_API_KEY_SECRET: 'named-8+',
    VITE_QUILTT_API_KEY_SECRET: 'qk_vite_0123456789abcdef',
    STRIPE_PRIVATE_KEY: 'sk_live_0123456789abcdef',
    MAPS_API_KEY: 'AIzaSyD-0123456789abcdef',
    SHORT_SECRET: 'only-15-chars!!',
    CONNECTOR_ID: 'connector_0123456789abcdef',
  }
  const code = `export const all = ${JSON.stringify(Object.values(env))}`
  await writeTree(root, { 'dist/entry.js': code })

  const pluginNames = leakLines(await buildError(code, { guard: secretGuard({ env }) }))
    .map((line) => line.split(' ')[0])
    .sort()
  const run = await runCli(root, ['scan', 'dist'], env)
  const cliNames = reportLines(run.stderr)
    .map((line) => line.split(' ')[0])
    .sort()

  expect(pluginNames).toEqual([
    'MAPS_API_KEY',
    'QUILTT_API_KEY_SECRET',
    'STRIPE_PRIVATE_KEY',
    'VITE_QUILTT_API_KEY_SECRET',
  ])
  expect(cliNames).toEqual(pluginNames)
  expect(run.code).toBe(1)
})

it('--allow NAME lets a pattern-matched value that is public by design ship, as `allow` does', async () => {
  // A Firebase web key is meant for the browser; without --allow, every build would fail.
  const firebaseKey = 'AIzaSyD-public-web-key-0123'
  await writeTree(root, { 'dist/app.js': `initializeApp({ apiKey: "${firebaseKey}" })` })
  const env = { NEXT_PUBLIC_FIREBASE_API_KEY: firebaseKey }
  const refused = await runCli(root, ['scan', 'dist'], env)
  expect(refused.code).toBe(1)
  expect(reportLines(refused.stderr)).toEqual([
    'NEXT_PUBLIC_FIREBASE_API_KEY (verbatim) in dist/app.js',
  ])
  const allowed = await runCli(
    root,
    ['scan', '--allow', 'NEXT_PUBLIC_FIREBASE_API_KEY', 'dist'],
    env,
  )
  expect(allowed.code).toBe(0)
  // --allow never exempts QUILTT_API_KEY_SECRET or an --env name.
  const named = await runCli(root, ['scan', '--allow=QUILTT_API_KEY_SECRET', 'dist'], {
    QUILTT_API_KEY_SECRET: firebaseKey,
  })
  expect(named.code).toBe(1)
})

it('--require-secret wants QUILTT_API_KEY_SECRET itself: another secret-like value does not do', async () => {
  await writeTree(root, { 'dist/app.js': 'export {}' })
  const env = { STRIPE_PRIVATE_KEY: 'sk_live_0123456789abcdef' }
  const run = await runCli(root, ['scan', '--require-secret', 'dist'], env)
  expect(run.code).toBe(2)
  expect(run.stderr).toContain('QUILTT_API_KEY_SECRET')
  expect(run.stderr).toContain('--require-secret')
  // Without it, the other value is still looked for, and the folder is clean.
  const plain = await runCli(root, ['scan', 'dist'], env)
  expect(plain.code).toBe(0)
  expect(plain.stdout).toContain('STRIPE_PRIVATE_KEY')
})
