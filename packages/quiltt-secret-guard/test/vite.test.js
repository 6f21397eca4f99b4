import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
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

/** A real `vite build` of an HTML page and one module, in memory. */
async function viteBuild(files) {
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text)
  return build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [secretGuard()],
    build: { write: false, sourcemap: true },
  })
}

const page = (body) =>
  `<!doctype html><html><body>${body}<script type="module" src="./main.js"></script></body></html>`

it('fails `vite build` when a VITE_-prefixed secret from .env reaches the bundle and the HTML', async () => {
  // The classic mistake: a public prefix makes Vite inline the secret. The value lives only in
  // .env, not in process.env, so the guard must read Vite's resolved env to know it.
  const error = await viteBuild({
    '.env': `VITE_QUILTT_API_KEY_SECRET=${SECRET}\n`,
    'index.html': page('<p data-k="%VITE_QUILTT_API_KEY_SECRET%">hi</p>'),
    'main.js': 'document.title = import.meta.env.VITE_QUILTT_API_KEY_SECRET\n',
  }).then(
    () => undefined,
    (e) => e,
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
    '.env': `VITE_QUILTT_API_KEY_SECRET=${SECRET}\nVITE_CONNECTOR_ID=abc123\n`,
    'index.html': page('<p>%VITE_CONNECTOR_ID%</p>'),
    'main.js': 'document.title = import.meta.env.VITE_CONNECTOR_ID\n',
  })
  const files = (Array.isArray(result) ? result[0] : result).output.map((o) => o.fileName).sort()
  expect(files).toEqual([
    expect.stringMatching(/^assets\/index-[\w-]+\.js$/),
    expect.stringMatching(/^assets\/index-[\w-]+\.js\.map$/),
    'index.html',
  ])
})
