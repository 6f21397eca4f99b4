// `import { createConnector }` alone must not carry the script transport (issue 12): bundled with
// esbuild as an app would (minified, tree-shaken), the output holds no connector.js loader, no
// Trusted Types policy and no script deadline. The same bundle with `scriptTransport` imported
// must hold all three, so the search below is known to find them when they are there.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, test } from 'vitest'

const sdk = fileURLToPath(new URL('../../', import.meta.url))
const dist = `${sdk}dist/index.js`

/** What only the script transport contains: its loader, its policy, its deadline. */
const SCRIPT_TRANSPORT = {
  // The loader looks for an existing tag through Document.prototype's `scripts` getter.
  loader: '"scripts"',
  'Trusted Types policy': 'createPolicy',
  deadline: 'connector.js did not load within',
}

/** What only autoBind contains: the selector of the markup it binds. */
const AUTO_BIND_SELECTOR = '[data-quiltt-button]'

async function bundle(names: string, from: string): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names} } from '${from}'`, resolveDir: sdk, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    define: { __QUILTT_EMBED_VERSION__: '"0.0.0"' },
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

describe.each([
  ['the source (src/index.ts)', `${sdk}src/index.ts`],
  ['the published build (dist/index.js)', dist],
])('%s', (_, from) => {
  test('import { createConnector } contains no loader, policy or script deadline', async () => {
    expect(existsSync(from), `${from} is missing: run \`npm run build\``).toBe(true)
    const code = await bundle('createConnector', from)
    expect(code).toContain('quiltt.app')
    for (const [part, marker] of Object.entries(SCRIPT_TRANSPORT))
      expect(code.includes(marker), `${part} (${marker}) is in the bundle`).toBe(false)
  })

  test('import { createConnector, scriptTransport } contains all three', async () => {
    const code = await bundle('createConnector, scriptTransport', from)
    for (const [part, marker] of Object.entries(SCRIPT_TRANSPORT))
      expect(code.includes(marker), `${part} (${marker}) is missing`).toBe(true)
  })

  // An app that never calls autoBind must not carry its selector: a constant that no tree-shaker
  // can prove side-effect free (a template reading another constant) would stay in every bundle.
  test('only import { autoBind } contains its selector of the markup it binds', async () => {
    const connector = await bundle('createConnector, scriptTransport', from)
    expect(connector.includes(AUTO_BIND_SELECTOR), 'autoBind is in the bundle').toBe(false)
    expect(await bundle('autoBind', from)).toContain(AUTO_BIND_SELECTOR)
  })
})
