// @ts-check
// Which file each runtime's bundler or resolver gets for `import 'quiltt-session'`: the server
// entry everywhere a server runs, the refusing stub only in a browser bundle. Bundlers take the
// first key of the `exports` map that matches one of their conditions, so the order is the test.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const SERVER = 'packages/quiltt-session/src/index.js'
const STUB = 'packages/quiltt-session/src/browser.js'

/**
 * The package file a bundle of `import 'quiltt-session'` starts from.
 * @param {'neutral' | 'browser' | 'node'} platform
 * @param {string[]} [conditions]
 */
async function resolvedEntry(platform, conditions) {
  const result = await build({
    stdin: { contents: "export * from 'quiltt-session'", resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform,
    ...(conditions ? { conditions } : {}),
    logLevel: 'silent',
  })
  const inputs = Object.keys(result.metafile.inputs)
  return inputs.find((path) => path === SERVER || path === STUB)
}

it.each([
  // wrangler (Cloudflare Workers) builds with these three, and would take `browser` if it came first.
  ['wrangler (workerd, worker, browser)', ['workerd', 'worker', 'browser']],
  // Next.js's Edge runtime and Vercel Edge Functions.
  ['Next.js edge (edge-light, worker, browser)', ['edge-light', 'worker', 'browser']],
  ['a worker bundle (worker, browser)', ['worker', 'browser']],
  ['Deno (deno, node)', ['deno', 'node']],
  ['Bun (bun, node, browser)', ['bun', 'node', 'browser']],
  ['Node (node)', ['node']],
  ['no condition (default)', []],
])('%s gets the server entry', async (_, conditions) => {
  expect(await resolvedEntry('neutral', conditions)).toBe(SERVER)
})

it('a Node bundle gets the server entry', async () => {
  expect(await resolvedEntry('node')).toBe(SERVER)
})

it.each([
  ['a browser bundle', 'browser', undefined],
  ['a neutral bundle for the browser', 'neutral', ['browser']],
])('%s gets the refusing stub', async (_, platform, conditions) => {
  const entry = await resolvedEntry(/** @type {'browser' | 'neutral'} */ (platform), conditions)
  expect(entry).toBe(STUB)
})

it('the exports map lists its conditions in the documented order', async () => {
  const manifest = JSON.parse(
    await readFile(new URL('../package.json', import.meta.url), { encoding: 'utf8' }),
  )
  expect(Object.keys(manifest.exports['.'])).toEqual([
    'types',
    'workerd',
    'worker',
    'edge-light',
    'deno',
    'bun',
    'node',
    'browser',
    'default',
  ])
})
