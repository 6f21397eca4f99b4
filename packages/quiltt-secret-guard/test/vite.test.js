import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { build, createBuilder, loadEnv } from 'vite'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { secretGuard } from '../src/index.js'
import { leakedForms, leakLines, SECRET } from './helpers.js'

/** @type {string} */
let root

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'quiltt-secret-guard-'))
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** @param {Record<string, string>} files paths relative to the project root */
async function writeFiles(files) {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true })
    await writeFile(join(root, name), text)
  }
}

/**
 * A real `vite build` of an HTML page and one module, in memory. `config` is merged over a
 * config whose only plugin is the guard with its defaults.
 */
async function viteBuild(files, config = {}) {
  await writeFiles(files)
  return build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [secretGuard()],
    build: { write: false, sourcemap: true },
    ...config,
  })
}

/** The error a build failed with, or undefined when it succeeded. */
const failure = (promise) =>
  promise.then(
    () => undefined,
    (error) => error,
  )

/** @param {Awaited<ReturnType<typeof build>>} result */
const outputs = (result) => (Array.isArray(result) ? result[0] : result).output

const page = (body) =>
  `<!doctype html><html><body>${body}<script type="module" src="./main.js"></script></body></html>`

it('fails `vite build` when a VITE_-prefixed secret from .env reaches the bundle and the HTML', async () => {
  // The classic mistake: a public prefix makes Vite inline the secret. The value lives only in
  // .env, not in process.env, so the guard must read Vite's resolved env to know it.
  const error = await failure(
    viteBuild({
      '.env': `VITE_QUILTT_API_KEY_SECRET=${SECRET}\n`,
      'index.html': page('<p data-k="%VITE_QUILTT_API_KEY_SECRET%">hi</p>'),
      'main.js': 'document.title = import.meta.env.VITE_QUILTT_API_KEY_SECRET\n',
    }),
  )
  expect(error).toBeInstanceOf(Error)
  expect(error.message).toContain('quiltt-secret-guard')
  const lines = leakLines(error).sort()
  expect(lines).toHaveLength(2)
  expect(lines[0]).toMatch(/^VITE_QUILTT_API_KEY_SECRET \(verbatim\) in assets\/index-[\w-]+\.js$/)
  expect(lines[1]).toMatch(/^VITE_QUILTT_API_KEY_SECRET \([\w, -]+\) in index\.html$/)
  expect(leakedForms(error, SECRET)).toEqual([])
})

it('lets a clean `vite build` through, HTML, chunk and source map included', async () => {
  const result = await viteBuild({
    // Both secrets are checked (the unprefixed one is read from the file too); neither is used.
    '.env': [
      `VITE_QUILTT_API_KEY_SECRET=${SECRET}`,
      'STRIPE_PRIVATE_KEY=sk_live_0123456789abcdef',
      'VITE_CONNECTOR_ID=abc123\n',
    ].join('\n'),
    'index.html': page('<p>%VITE_CONNECTOR_ID%</p>'),
    'main.js': 'document.title = import.meta.env.VITE_CONNECTOR_ID\n',
  })
  const files = outputs(result)
    .map((o) => o.fileName)
    .sort()
  expect(files).toEqual([
    expect.stringMatching(/^assets\/index-[\w-]+\.js$/),
    expect.stringMatching(/^assets\/index-[\w-]+\.js\.map$/),
    'index.html',
  ])
})

it('fails `vite build` when a config passes an unprefixed secret from `.env.[mode]` to define', async () => {
  // The documented pattern `define: { … loadEnv(mode, envDir, '') … }`: the value is neither in
  // process.env nor in Vite's public env, only in the .env file of this mode. Mode and envDir
  // are not Vite's defaults, so the guard must take both from the resolved config.
  expect(process.env.QUILTT_API_KEY_SECRET).toBeUndefined()
  await writeFiles({
    'config/.env': 'QUILTT_CONNECTOR_ID=abc123\n',
    'config/.env.staging': `QUILTT_API_KEY_SECRET=${SECRET}\n`,
    'index.html': page(''),
    'main.js': 'document.title = __QUILTT_KEY__\n',
  })
  // What such a vite.config.js does with `({ mode }) => …` before returning its config.
  const env = loadEnv('staging', join(root, 'config'), '')
  const define = { __QUILTT_KEY__: JSON.stringify(env.QUILTT_API_KEY_SECRET) }
  const error = await failure(viteBuild({}, { mode: 'staging', envDir: 'config', define }))
  expect(leakLines(error)).toEqual([
    expect.stringMatching(/^QUILTT_API_KEY_SECRET \(verbatim\) in assets\/index-[\w-]+\.js$/),
  ])
  expect(leakedForms(error, SECRET)).toEqual([])
})

it('fails `vite build` when the minifier prints a secret with quotes and backslashes as a template literal', async () => {
  const quoted = `qk_sec_"dq"'sq'\\path\\to\\key`
  const env = { QUILTT_API_KEY_SECRET: quoted }
  const define = { __QUILTT_KEY__: JSON.stringify(quoted) }
  const files = { 'index.html': page(''), 'main.js': 'document.title = __QUILTT_KEY__\n' }

  // The premise, checked without the guard: Vite 8's minifier prints the value in backticks,
  // quotes raw and backslashes doubled, which neither JSON nor single-quote escaping gives.
  const clean = outputs(await viteBuild(files, { define, plugins: [] }))
  const code = clean.map((o) => (o.type === 'chunk' ? o.code : '')).join('\n')
  expect(code).toContain(`\`${quoted.replaceAll('\\', '\\\\')}\``)
  expect(code).not.toContain(JSON.stringify(quoted).slice(1, -1))
  expect(code).not.toContain(quoted.replace(/[\\']/g, '\\$&'))

  const error = await failure(viteBuild(files, { define, plugins: [secretGuard({ env })] }))
  expect(leakLines(error)).toEqual([
    expect.stringMatching(/^QUILTT_API_KEY_SECRET \(JS-escaped\) in assets\/index-[\w-]+\.js$/),
  ])
  expect(leakedForms(error, quoted)).toEqual([])
})

it('passes an SSR build that holds the secret, and still fails the client build of the same code', async () => {
  // A server bundle may rightly hold it (SvelteKit's $env/static/private inlines it there).
  const env = { QUILTT_API_KEY_SECRET: SECRET }
  const define = { __QUILTT_KEY__: JSON.stringify(SECRET) }
  const files = { 'index.html': page(''), 'main.js': 'globalThis.key = __QUILTT_KEY__\n' }
  const ssr = await viteBuild(files, {
    define,
    plugins: [secretGuard({ env })],
    build: { write: false, ssr: 'main.js' },
  })
  const code = outputs(ssr).map((o) => (o.type === 'chunk' ? o.code : ''))
  expect(code.join('\n')).toContain(SECRET)

  const error = await failure(viteBuild(files, { define, plugins: [secretGuard({ env })] }))
  expect(leakLines(error)).toEqual([
    expect.stringMatching(/^QUILTT_API_KEY_SECRET \(verbatim\) in assets\/index-[\w-]+\.js$/),
  ])
})

it('under the environment API (`vite build --app`), guards the client environment and not the ssr one', async () => {
  const env = { QUILTT_API_KEY_SECRET: SECRET }
  await writeFiles({
    'index.html': page(''),
    'main.js': 'globalThis.key = __QUILTT_KEY__\n',
    'server.js': 'export const key = () => __QUILTT_KEY__\n',
  })
  const builder = await createBuilder({
    root,
    configFile: false,
    logLevel: 'silent',
    define: { __QUILTT_KEY__: JSON.stringify(SECRET) },
    plugins: [secretGuard({ env })],
    environments: {
      client: { build: { write: false } },
      ssr: { build: { write: false, ssr: 'server.js' } },
    },
  })
  // The ssr environment alone builds: its bundle holds the secret, rightly.
  const ssr = await builder.build(builder.environments.ssr)
  expect(
    outputs(ssr)
      .map((o) => (o.type === 'chunk' ? o.code : ''))
      .join('\n'),
  ).toContain(SECRET)
  const error = await failure(builder.build(builder.environments.client))
  expect(leakLines(error)).toEqual([
    expect.stringMatching(/^QUILTT_API_KEY_SECRET \(verbatim\) in assets\/index-[\w-]+\.js$/),
  ])
})

it('fails `vite build` when another plugin takes a chunk holding the secret out of the bundle', async () => {
  // What Astro does with a small client script: it deletes the chunk in generateBundle and
  // inlines its code into the page HTML, which it writes after Vite. The guard, running after
  // every other generateBundle, must still have seen that chunk rendered.
  const env = { QUILTT_API_KEY_SECRET: SECRET }
  /** @type {import('vite').Plugin} */
  const inliner = {
    name: 'inline-small-scripts',
    generateBundle(_options, bundle) {
      for (const [fileName, item] of Object.entries(bundle)) {
        if (item.type === 'chunk' && item.facadeModuleId?.endsWith('/script.js'))
          delete bundle[fileName]
      }
    },
  }
  await writeFiles({ 'script.js': 'document.title = __QUILTT_KEY__\n', 'other.js': 'export {}\n' })
  const config = {
    define: { __QUILTT_KEY__: JSON.stringify(SECRET) },
    build: {
      write: false,
      rollupOptions: { input: { script: join(root, 'script.js'), other: join(root, 'other.js') } },
    },
  }
  const error = await failure(
    viteBuild({}, { ...config, plugins: [inliner, secretGuard({ env })] }),
  )
  expect(leakLines(error)).toEqual([
    'QUILTT_API_KEY_SECRET (verbatim) in the chunk "script", which another plugin took out of the bundle (Astro inlines small scripts into pages)',
  ])
  expect(leakedForms(error, SECRET)).toEqual([])
  // Without the secret in it, taking a chunk out is no concern of the guard's.
  const clean = { ...config, define: { __QUILTT_KEY__: '"hello"' } }
  expect(
    await failure(viteBuild({}, { ...clean, plugins: [inliner, secretGuard({ env })] })),
  ).toBeUndefined()
})
