// The command reads `.env` files as the frameworks read them for a build: dotenv's syntax with
// dotenv-expand's `$VAR`, `${VAR}` and `\$`, so it looks for the value the build inlined.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the `${…}` here are .env syntax, written into files as they are
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { printedForms, reportLines, runCli, writeTree } from './cli-helpers.js'

const VAULT_VALUE = 'ls_sk_vault_4Hq8Zr2Lm6Xt0Pw3'

/** @type {string} */
let root

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'quiltt-secret-guard-dotenv-'))
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const allOutput = (/** @type {{ stdout: string, stderr: string }} */ run) => run.stdout + run.stderr

describe('a secret that .env builds from other variables', () => {
  it('KEY=${VAULT_VALUE} looks for the vault value, as Vite and Next.js load it', async () => {
    await writeTree(root, {
      '.env.production': 'QUILTT_API_KEY_SECRET=${VAULT_VALUE}\n',
      'dist/app.js': `const key = "${VAULT_VALUE}"`,
    })
    const run = await runCli(root, ['scan', '--require-secret', 'dist'], { VAULT_VALUE })
    expect(run.code).toBe(1)
    expect(reportLines(run.stderr)).toEqual(['QUILTT_API_KEY_SECRET (verbatim) in dist/app.js'])
    expect(printedForms(allOutput(run), VAULT_VALUE)).toEqual([])
  })

  it('expands $VAR and ${VAR} from other files, with each file taking precedence over the ones before', async () => {
    // .env.production.local overrides .env's PREFIX for both Vite and Next.js, and the
    // environment overrides SUFFIX over every file.
    await writeTree(root, {
      '.env': 'PREFIX=ls_sk_old\nSUFFIX=file_suffix\nQUILTT_API_KEY_SECRET=${PREFIX}_$SUFFIX\n',
      '.env.production.local': 'PREFIX=ls_sk_new\n',
      'dist/app.js': 'const key = "ls_sk_new_env_suffix_1234"',
    })
    const run = await runCli(root, ['scan', 'dist'], { SUFFIX: 'env_suffix_1234' })
    expect(run.code).toBe(1)
    expect(reportLines(run.stderr)).toEqual(['QUILTT_API_KEY_SECRET (verbatim) in dist/app.js'])
  })

  it('reads \\$ as a literal dollar sign, as the build did', async () => {
    const value = 'ls_sk_pa$$w0rd_literal'
    await writeTree(root, {
      '.env': 'QUILTT_API_KEY_SECRET="ls_sk_pa\\$\\$w0rd_literal"\n',
      'dist/app.js': `const key = ${JSON.stringify(value)}`,
    })
    const run = await runCli(root, ['scan', '--require-secret', 'dist'])
    expect(run.code).toBe(1)
    expect(reportLines(run.stderr)).toEqual(['QUILTT_API_KEY_SECRET (verbatim) in dist/app.js'])
  })

  it('still looks for a value that the environment overrides, expanded', async () => {
    // An earlier build (another shell, another CI job) may have inlined the file's value.
    await writeTree(root, {
      '.env.local': 'BASE=ls_sk_local_1234567\nQUILTT_API_KEY_SECRET=${BASE}\n',
      'dist/app.js': 'const key = "ls_sk_local_1234567"',
    })
    const run = await runCli(root, ['scan', 'dist'], { QUILTT_API_KEY_SECRET: VAULT_VALUE })
    expect(run.code).toBe(1)
    expect(reportLines(run.stderr)).toEqual(['QUILTT_API_KEY_SECRET (verbatim) in dist/app.js'])
  })
})

describe('a reference that nothing here resolves', () => {
  const files = {
    '.env.production': 'QUILTT_API_KEY_SECRET=${VAULT_VALUE}\n',
    'dist/app.js': 'const key = "${VAULT_VALUE}"',
  }

  it('fails under --require-secret, naming the variable and the file, never the value', async () => {
    await writeTree(root, files)
    const run = await runCli(root, ['scan', '--require-secret', 'dist'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('QUILTT_API_KEY_SECRET in .env.production')
    expect(run.stderr).toContain('--require-secret')
    // Not even the name it refers to: in a real secret, `$abc` is part of the value.
    expect(allOutput(run)).not.toContain('VAULT_VALUE')
  })

  it('is not searched for as a literal, and without --require-secret is a warning', async () => {
    await writeTree(root, files)
    const run = await runCli(root, ['scan', 'dist'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('QUILTT_API_KEY_SECRET in .env.production')
    expect(allOutput(run)).not.toContain('VAULT_VALUE')
  })

  it('counts a variable set empty as unset, and a ${NAME:-fallback} as set', async () => {
    await writeTree(root, {
      '.env': 'VAULT_VALUE=\nQUILTT_API_KEY_SECRET=${VAULT_VALUE}\n',
      'dist/app.js': 'export {}',
    })
    const empty = await runCli(root, ['scan', '--require-secret', 'dist'])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain('QUILTT_API_KEY_SECRET in .env refers to a variable')
    await writeTree(root, { '.env': 'QUILTT_API_KEY_SECRET=${VAULT_VALUE:-ls_sk_fallback_123}\n' })
    const fallback = await runCli(root, ['scan', '--require-secret', 'dist'])
    expect(fallback.stderr).toBe('')
    expect(fallback.code).toBe(0)
  })

  it('is no problem when the environment sets the variable itself, which then wins', async () => {
    await writeTree(root, files)
    const run = await runCli(root, ['scan', '--require-secret', 'dist'], {
      QUILTT_API_KEY_SECRET: VAULT_VALUE,
    })
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
  })
})
