// The scan commands of the README's per-framework table, as written, on the folders each
// framework's production build writes (as seen from Astro 5.18 with @astrojs/node 9.5,
// React Router 7.18, SolidStart 1.3 and Angular 21): the server half holds the secret, as it
// may; only what a browser receives must fail the scan.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { readmeCommand, reportLines, runCli, writeTree } from './cli-helpers.js'

const SECRET = 'ls_sk_Zt8pW2mQ9xL4vR7nB3'
const env = { QUILTT_API_KEY_SECRET: SECRET }

/** @type {string} */
let root

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'quiltt-secret-guard-readme-'))
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const cases = [
  {
    framework: 'Astro (`@astrojs/node`)',
    server: 'dist/server/pages/api/session.astro.mjs',
    served: ['dist/client/index.html', 'dist/client/_astro/page.CxL2.js', 'dist/client/ok.js'],
  },
  {
    framework: 'React Router (framework mode)',
    server: 'build/server/index.js',
    served: ['build/client/about/index.html', 'build/client/about.data', 'build/client/x.js'],
  },
  {
    framework: 'SolidStart',
    server: '.output/server/chunks/build/session.mjs',
    served: ['.output/public/_build/assets/index-DCx.js', '.output/public/ok.js'],
  },
  {
    framework: 'Angular',
    server: 'dist/my-app/server/server.mjs',
    served: ['dist/my-app/browser/index.html', 'dist/my-app/browser/main-3QJ.js'],
  },
]

it.each(cases)(
  '$framework: passes a clean build whose server holds the secret, fails a leak in each served file',
  async ({ framework, server, served }) => {
    const args = readmeCommand(framework).map((arg) => arg.replace('<app>', 'my-app'))
    const clean = Object.fromEntries(served.map((file) => [file, 'export {}']))
    await writeTree(root, { ...clean, [server]: `export const key = "${SECRET}"` })
    const run = await runCli(root, args, env)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)

    for (const file of served) {
      await writeTree(root, { ...clean, [file]: `<p>${SECRET}</p>` })
      const leak = await runCli(root, args, env)
      expect(leak.code).toBe(1)
      expect(reportLines(leak.stderr)).toEqual([`QUILTT_API_KEY_SECRET (verbatim) in ${file}`])
    }
  },
)
