// What each framework binding adds on top of the SDK in an app's bundle, the figure SPEC §9
// budgets. A standalone measure (SDK external) would count every option and event name the binding
// shares with the SDK twice, and "the SDK's size + the budget" would let the SDK's own growth hide
// the binding's. So this builds the built packages (dist, as published) as an app's bundler does
// (esbuild, minified, React and Vue external) once with `import { createConnector }` alone and
// once with every export of the binding beside it, and takes the difference. Read by
// scripts/check-binding-sizes.mjs (npm test) and the bench.
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
export const BINDINGS = ['quiltt-embed-react', 'quiltt-embed-vue']

/** gzip -9 bytes of the minified bundle of `code` (an entry module's source). */
async function gzipped(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    external: ['react', 'react/*', 'react-dom', 'react-dom/*', 'vue'],
    legalComments: 'none',
    write: false,
  })
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length
}

/** @returns {Promise<{ sdk: number, added: Record<string, number> }>} bytes, min+gzip */
export async function measureBindingSizes() {
  const sdk = await gzipped(`export { createConnector } from 'quiltt-embed'`)
  /** @type {Record<string, number>} */
  const added = {}
  for (const name of BINDINGS) {
    const both = await gzipped(
      `export * from '${name}'\nexport { createConnector } from 'quiltt-embed'`,
    )
    added[name] = both - sdk
  }
  return { sdk, added }
}
