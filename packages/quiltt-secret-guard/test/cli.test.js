import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { secretGuard } from '../src/index.js'
import { printedForms, reportLines, runCli, writeTree } from './cli-helpers.js'
import { SECRET } from './helpers.js'

/** Next.js writes `&` in inline scripts as \u0026, so its pages carry a plain secret here. */
const PLAIN_SECRET = 'qk_sec_Zt8pW2mQ9xL4vR7nB3'

/** @type {string} */
let root

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'quiltt-secret-guard-cli-'))
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Both streams, for asserting that no form of the value is printed anywhere. */
const allOutput = (/** @type {{ stdout: string, stderr: string }} */ run) => run.stdout + run.stderr

/**
 * What `next build` (16, App Router) writes: client chunks under .next/static, server code and
 * prerendered output under .next/server. The route module holds the secret, as a route handler
 * reading process.env at build time would; `leak` also puts it where a browser receives it.
 */
function nextBuildOutput({ leak }) {
  const served = leak ? PLAIN_SECRET : 'connector-abc123'
  return {
    '.next/static/chunks/app/page-3f2a.js': `(self.webpackChunk=self.webpackChunk||[]).push([[1],{1:()=>"${leak ? PLAIN_SECRET : 'ok'}"}])`,
    '.next/static/css/app-9d1c.css': 'body{margin:0}',
    '.next/server/app/page.js': `const key = "${PLAIN_SECRET}"; module.exports = { key }`,
    '.next/server/app/page.js.nft.json': '{"version":1,"files":[]}',
    '.next/server/app/api/session/route.js': `exports.secret = "${PLAIN_SECRET}"`,
    '.next/server/app/index.html': `<!DOCTYPE html><html><body><div id="c" data-id="${served}"></div><script>self.__next_f.push([1,"0:{\\"id\\":\\"${served}\\"}\\n"])</script></body></html>`,
    '.next/server/app/index.rsc': `0:{"P":null,"b":"build1"}\n1:["$","div",null,{"data-id":"${served}"}]\n`,
    '.next/server/app/index.meta': '{"status":200,"headers":{"x-next-cache-tags":"_N_T_/layout"}}',
    '.next/server/app/index.segments/_tree.segment.rsc': '0:{"tree":{}}\n',
    '.next/server/app/status.body': `{"ok":true,"connector":"${served}"}`,
    '.next/server/app-paths-manifest.json': '{"/page":"app/page.js"}',
    '.next/cache/fetch-cache/abc': `{"body":"${PLAIN_SECRET}"}`,
  }
}

describe('a Next.js build (`scan .next/static .next/server/app`)', () => {
  const args = ['scan', '.next/static', '.next/server/app']

  it('passes when the secret is only in server code, and says what it skipped', async () => {
    await writeTree(root, nextBuildOutput({ leak: false }))
    const run = await runCli(root, args, { QUILTT_API_KEY_SECRET: PLAIN_SECRET })
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    // 2 static files + index.html, .rsc, .meta, segment .rsc, status.body; the 3 JS/trace files skipped.
    expect(run.stdout).toContain('7 files scanned, 3 server files skipped')
    expect(printedForms(allOutput(run), PLAIN_SECRET)).toEqual([])
  })

  it('fails on the secret in a client chunk, a prerendered page, its RSC payload and a route body', async () => {
    await writeTree(root, nextBuildOutput({ leak: true }))
    const run = await runCli(root, args, { QUILTT_API_KEY_SECRET: PLAIN_SECRET })
    expect(run.code).toBe(1)
    expect(reportLines(run.stderr)).toEqual([
      'QUILTT_API_KEY_SECRET (verbatim) in .next/static/chunks/app/page-3f2a.js',
      'QUILTT_API_KEY_SECRET (verbatim) in .next/server/app/index.html',
      'QUILTT_API_KEY_SECRET (verbatim) in .next/server/app/index.rsc',
      'QUILTT_API_KEY_SECRET (verbatim) in .next/server/app/status.body',
    ])
    expect(run.stdout).toBe('')
    expect(printedForms(allOutput(run), PLAIN_SECRET)).toEqual([])
  })

  it('skips server code and the build cache even when given the whole .next folder', async () => {
    await writeTree(root, nextBuildOutput({ leak: false }))
    const run = await runCli(root, ['scan', '.next'], { QUILTT_API_KEY_SECRET: PLAIN_SECRET })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('7 files scanned, 5 server files skipped')
  })
})

it('finds a secret with & " < in the forms Next.js 16 writes into a prerendered page', async () => {
  // Copied from a real `next build` (16.4.6) of a page rendering the secret in an attribute:
  // React's HTML escaping in the markup, and the RSC payload as a JSON string in an inline
  // script (JSON twice, `&` and `<` as \u escapes).
  const secret = 'qk_sec_Zt8&pW2"mQ9<xL4'
  await writeTree(root, {
    '.next/server/app/markup.html': '<p data-key="qk_sec_Zt8&amp;pW2&quot;mQ9&lt;xL4">hello</p>',
    '.next/server/app/script.html': String.raw`<script>self.__next_f.push([1,"3:[\"$\",\"p\",null,{\"data-key\":\"qk_sec_Zt8\u0026pW2\\\"mQ9\u003cxL4\",\"children\":\"hello\"}]\n"])</script>`,
    '.next/server/app/index.rsc': String.raw`3:["$","p",null,{"data-key":"qk_sec_Zt8&pW2\"mQ9<xL4","children":"hello"}]`,
  })
  const run = await runCli(root, ['scan', '.next/server/app'], { QUILTT_API_KEY_SECRET: secret })
  expect(run.code).toBe(1)
  expect(reportLines(run.stderr)).toEqual([
    'QUILTT_API_KEY_SECRET (JS-escaped) in .next/server/app/index.rsc',
    'QUILTT_API_KEY_SECRET (HTML-escaped) in .next/server/app/markup.html',
    'QUILTT_API_KEY_SECRET (JS-escaped) in .next/server/app/script.html',
  ])
  expect(printedForms(allOutput(run), secret)).toEqual([])
})

it('scans a Pages Router build: prerendered HTML and getStaticProps JSON, not its server code', async () => {
  await writeTree(root, {
    '.next/static/chunks/pages/index-1a2b.js': 'export {}',
    '.next/server/pages/index.js': `exports.key = "${PLAIN_SECRET}"`,
    '.next/server/pages/index.html': '<p>hello</p>',
    '.next/server/pages/about.json': `{"pageProps":{"key":"${PLAIN_SECRET}"}}`,
  })
  const run = await runCli(root, ['scan', '.next/static', '.next/server/pages'], {
    QUILTT_API_KEY_SECRET: PLAIN_SECRET,
  })
  expect(run.code).toBe(1)
  expect(reportLines(run.stderr)).toEqual([
    'QUILTT_API_KEY_SECRET (verbatim) in .next/server/pages/about.json',
  ])
})

it('skips the server half of a SvelteKit build and scans its client and prerendered output', async () => {
  await writeTree(root, {
    '.svelte-kit/output/server/chunks/private.js': `export const key = "${PLAIN_SECRET}"`,
    '.svelte-kit/generated/server/internal.js': `const key = "${PLAIN_SECRET}"`,
    '.svelte-kit/output/client/_app/immutable/entry/app.js': 'export {}',
    '.svelte-kit/output/prerendered/pages/about.html': `<p>${PLAIN_SECRET}</p>`,
  })
  const env = { QUILTT_API_KEY_SECRET: PLAIN_SECRET }
  const run = await runCli(root, ['scan', '.svelte-kit/output'], env)
  expect(run.code).toBe(1)
  expect(reportLines(run.stderr)).toEqual([
    'QUILTT_API_KEY_SECRET (verbatim) in .svelte-kit/output/prerendered/pages/about.html',
  ])
  expect(run.stderr).toContain('2 files scanned, 1 server file skipped')
})

describe('a real Vite build with a server (SSR) bundle and a client bundle', () => {
  /**
   * The server bundle inlines the secret, as SvelteKit's $env/static/private does, and the
   * Vite plugin runs in both builds: it must pass the SSR build and guard only the client.
   */
  async function buildApp({ clientCode }) {
    await writeTree(root, {
      'index.html':
        '<!doctype html><html><body><script type="module" src="./client.js"></script></body></html>',
      'client.js': clientCode,
      'server.js': 'export const apiKey = () => __SERVER_SECRET__\n',
    })
    const define = {
      __SERVER_SECRET__: JSON.stringify(SECRET),
      __CLIENT_SECRET__: JSON.stringify(SECRET),
    }
    const common = { root, configFile: false, logLevel: 'silent', define }
    await build({
      ...common,
      build: { ssr: 'server.js', outDir: 'dist/server' },
      plugins: [secretGuard({ env: { QUILTT_API_KEY_SECRET: SECRET } })],
    })
    await build({ ...common, build: { outDir: 'dist/client', sourcemap: true } })
  }

  it('exits 0 on the client output while the server output holds the secret', async () => {
    await buildApp({ clientCode: 'document.title = "hello"\n' })
    const serverFiles = await readdir(join(root, 'dist/server'))
    expect(serverFiles).toEqual(['server.mjs'])
    expect(await readFile(join(root, 'dist/server/server.mjs'), 'utf8')).toContain(SECRET)
    const run = await runCli(root, ['scan', 'dist/client'], { QUILTT_API_KEY_SECRET: SECRET })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /^quiltt-secret-guard: no value of QUILTT_API_KEY_SECRET found \(3 files scanned, 0 server files skipped\)\.$/m,
    )
  })

  it('exits 1 naming the chunk and the encoding when the client bundle holds it', async () => {
    await buildApp({ clientCode: 'document.title = __CLIENT_SECRET__\n' })
    const run = await runCli(root, ['scan', 'dist/client'], { QUILTT_API_KEY_SECRET: SECRET })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('is in files a browser can receive (3 files scanned')
    expect(reportLines(run.stderr)).toEqual([
      expect.stringMatching(
        /^QUILTT_API_KEY_SECRET \(verbatim\) in dist\/client\/assets\/index-[\w-]+\.js$/,
      ),
    ])
    expect(printedForms(allOutput(run), SECRET)).toEqual([])
  })
})

describe('where the secret comes from', () => {
  const page = { 'out/index.html': `<p>${PLAIN_SECRET}</p>` }

  it.each(['.env', '.env.local', '.env.production', '.env.production.local'])(
    'reads it from %s in the folder it runs in',
    async (file) => {
      await writeTree(root, {
        ...page,
        [file]: `# the build's env\nQUILTT_API_KEY_SECRET="${PLAIN_SECRET}"\n`,
      })
      const run = await runCli(root, ['scan', 'out'])
      expect(run.code).toBe(1)
      expect(reportLines(run.stderr)).toEqual([
        'QUILTT_API_KEY_SECRET (verbatim) in out/index.html',
      ])
    },
  )

  it('checks the value of every source, not only the one that wins', async () => {
    // The environment overrides .env for a framework's build, but an older build may hold the
    // file's value: both are looked for.
    await writeTree(root, { ...page, '.env': `QUILTT_API_KEY_SECRET=${PLAIN_SECRET}\n` })
    const run = await runCli(root, ['scan', 'out'], {
      QUILTT_API_KEY_SECRET: 'qk_sec_another_value_1',
    })
    expect(run.code).toBe(1)
  })

  it('looks for the variables named by --env too, and only those', async () => {
    const databaseUrl = 'postgres://app:pa55word@db.internal/app'
    await writeTree(root, { 'out/app.js': `const db = ${JSON.stringify(databaseUrl)}` })
    const env = { QUILTT_API_KEY_SECRET: PLAIN_SECRET, DATABASE_URL: databaseUrl }
    const without = await runCli(root, ['scan', 'out'], env)
    expect(without.code).toBe(0)
    const withEnv = await runCli(root, ['scan', '--env', 'DATABASE_URL', 'out'], env)
    expect(withEnv.code).toBe(1)
    expect(reportLines(withEnv.stderr)).toEqual(['DATABASE_URL (verbatim) in out/app.js'])
    expect(printedForms(allOutput(withEnv), databaseUrl)).toEqual([])
    const equals = await runCli(root, ['scan', '--env=DATABASE_URL', 'out'], env)
    expect(equals.code).toBe(1)
  })

  it('with no secret value anywhere, says so and exits 0; --require-secret makes that 2', async () => {
    await writeTree(root, page)
    const run = await runCli(root, ['scan', 'out'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('No value of QUILTT_API_KEY_SECRET (8 characters or more)')
    expect(run.stdout).toContain('nothing to look for')
    expect(run.stdout).toContain('A build made without the secret cannot contain it.')
    const required = await runCli(root, ['scan', '--require-secret', 'out'])
    expect(required.code).toBe(2)
    expect(required.stderr).toContain('--require-secret was given')
    // With the secret set, --require-secret changes nothing.
    const set = await runCli(root, ['scan', '--require-secret', 'out'], {
      QUILTT_API_KEY_SECRET: PLAIN_SECRET,
    })
    expect(set.code).toBe(1)
  })
})

describe('mistakes in the command', () => {
  it.each([
    [[], 'no command given'],
    [['check', 'out'], 'unknown command "check"'],
    [['scan'], 'give at least one folder'],
    [['scan', '--env'], '--env needs an environment variable name'],
    [['scan', '--env', 'not a name', 'out'], '--env needs an environment variable name'],
    [['scan', '--secret', 'out'], 'unknown option "--secret"'],
  ])('%j exits 2 with the usage', async (args, message) => {
    const run = await runCli(root, args, { QUILTT_API_KEY_SECRET: PLAIN_SECRET })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stderr).toContain('Usage: quiltt-secret-guard scan')
  })

  it('exits 2 for a folder that does not exist or holds only server code, not 0', async () => {
    // A typo in the path or a scan run before the build must not pass as clean.
    await writeTree(root, { '.output/server/index.mjs': 'export {}' })
    const env = { QUILTT_API_KEY_SECRET: PLAIN_SECRET }
    const missing = await runCli(root, ['scan', 'dist'], env)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('dist does not exist')
    const serverOnly = await runCli(root, ['scan', '.output'], env)
    expect(serverOnly.code).toBe(2)
    expect(serverOnly.stderr).toContain('holds no file a browser can receive')
  })

  it('--help prints the usage and exits 0', async () => {
    const run = await runCli(root, ['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Exit codes: 0 clean')
  })
})

it('judges paths from the project folder, so a project inside a node_modules folder is scanned', async () => {
  const project = join(root, 'node_modules/my-app')
  await writeTree(project, {
    'dist/app.js': `const key = "${PLAIN_SECRET}"`,
    'dist/node_modules/dep/index.js': `const key = "${PLAIN_SECRET}"`,
  })
  const run = await runCli(project, ['scan', 'dist'], { QUILTT_API_KEY_SECRET: PLAIN_SECRET })
  expect(run.code).toBe(1)
  expect(reportLines(run.stderr)).toEqual(['QUILTT_API_KEY_SECRET (verbatim) in dist/app.js'])
})

it('never prints a secret that is in a file name', async () => {
  await writeTree(root, { [`out/${PLAIN_SECRET}.js`]: 'export {}' })
  const run = await runCli(root, ['scan', 'out'], { QUILTT_API_KEY_SECRET: PLAIN_SECRET })
  expect(run.code).toBe(1)
  expect(reportLines(run.stderr)).toEqual([
    'QUILTT_API_KEY_SECRET (verbatim) in (a file whose name contains it)',
  ])
  expect(printedForms(allOutput(run), PLAIN_SECRET)).toEqual([])
})

it('finds a secret in a binary asset and in a non-ASCII form', async () => {
  const accented = 'qk_sec_clé_privée_42'
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0xff]),
    Buffer.from(accented, 'utf8'),
    Buffer.from([0, 0xfe]),
  ])
  await writeTree(root, { 'out/logo.png': png })
  const run = await runCli(root, ['scan', 'out'], { QUILTT_API_KEY_SECRET: accented })
  expect(run.code).toBe(1)
  expect(reportLines(run.stderr)).toEqual(['QUILTT_API_KEY_SECRET (verbatim) in out/logo.png'])
})
