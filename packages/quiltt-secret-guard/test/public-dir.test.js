// What a build serves without bundling it: Vite copies `publicDir` as is, and Next.js serves
// `public/` from the project folder.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { secretGuard } from '../src/index.js'
import { readmeCommand, reportLines, runCli, writeTree } from './cli-helpers.js'
import { leakedForms, leakLines, SECRET } from './helpers.js'

/** @type {string} */
let root

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'quiltt-secret-guard-public-'))
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const env = { QUILTT_API_KEY_SECRET: SECRET }

const app = {
  'index.html':
    '<!doctype html><html><body><script type="module" src="./main.js"></script></body></html>',
  'main.js': 'document.title = "hello"\n',
}

/** A real `vite build` that writes to dist, as `vite build` does, with the guard's defaults. */
async function viteBuild(config = {}) {
  return build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [secretGuard({ env })],
    ...config,
  }).then(
    () => undefined,
    (error) => error,
  )
}

describe('the Vite plugin and publicDir', () => {
  it('fails the build when a file Vite copies from public/ holds the secret', async () => {
    await writeTree(root, {
      ...app,
      'public/config.js': `window.config = { key: ${JSON.stringify(SECRET)} }\n`,
      'public/robots.txt': 'User-agent: *\n',
    })
    const error = await viteBuild()
    expect(leakLines(error)).toEqual(['QUILTT_API_KEY_SECRET (verbatim) in public/config.js'])
    expect(error.message).toContain('Vite copies the files of publicDir into the output folder')
    expect(leakedForms(error, SECRET)).toEqual([])
  })

  it('reads a custom publicDir, and precompressed files in it', async () => {
    await writeTree(root, { ...app, 'static/data.json.gz': gzipSync(`{"k":"${SECRET}"}`) })
    const error = await viteBuild({ publicDir: 'static' })
    expect(leakLines(error)).toEqual([
      'QUILTT_API_KEY_SECRET (verbatim) in static/data.json.gz (decompressed from gzip)',
    ])
  })

  it('passes when public/ is clean, or when Vite does not copy it', async () => {
    await writeTree(root, { ...app, 'public/robots.txt': 'User-agent: *\n' })
    expect(await viteBuild()).toBeUndefined()
    await writeTree(root, { 'public/config.js': `window.key = ${JSON.stringify(SECRET)}\n` })
    expect(await viteBuild({ build: { copyPublicDir: false } })).toBeUndefined()
    expect(await viteBuild({ publicDir: false })).toBeUndefined()
  })

  it('leaves public/ alone in a server (SSR) build, which copies nothing', async () => {
    await writeTree(root, {
      ...app,
      'public/config.js': `window.key = ${JSON.stringify(SECRET)}\n`,
    })
    expect(await viteBuild({ build: { ssr: 'main.js', outDir: 'dist/server' } })).toBeUndefined()
  })
})

it("the README's Next.js command scans public/, which Next.js serves as it is", async () => {
  await writeTree(root, {
    '.next/static/chunks/app/page-3f2a.js': 'export {}',
    '.next/server/app/index.html': '<p>hello</p>',
    'public/sw.js': `const key = ${JSON.stringify(SECRET)}`,
  })
  const run = await runCli(root, readmeCommand('Next.js (App Router)'), env)
  expect(run.code).toBe(1)
  expect(reportLines(run.stderr)).toEqual(['QUILTT_API_KEY_SECRET (verbatim) in public/sw.js'])
})
