// node scripts/check-binding-sizes.mjs: SPEC §9's budget for each framework binding is what it
// adds "on top of the SDK" in an app's bundle. A standalone size-limit entry (SDK external) counts
// every option and event name the binding shares with the SDK twice, and an entry bundling both at
// "the SDK's size + 1.2 kB" would let the SDK's own growth hide the binding's. So this builds the
// built packages (dist, as published) as an app's bundler does — esbuild, minified, React and Vue
// external — once with `import { createConnector }` alone and once with every export of the
// binding besides it, and fails when the difference exceeds the budget. Run by `npm test`.

import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
/** SPEC §9: each framework binding on top of the SDK, min+gzip. */
const BUDGET = 1500
const BINDINGS = ['quiltt-embed-react', 'quiltt-embed-vue']

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

const sdk = await gzipped(`export { createConnector } from 'quiltt-embed'`)
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`
let failed = false
console.log(`import { createConnector } from 'quiltt-embed': ${kB(sdk)}`)
for (const name of BINDINGS) {
  const both = await gzipped(
    `export * from '${name}'\nexport { createConnector } from 'quiltt-embed'`,
  )
  const added = both - sdk
  const over = added > BUDGET
  failed ||= over
  console.log(
    `${name}, every export, on top of the SDK: ${kB(added)} (budget ${kB(BUDGET)})${over ? ' — OVER' : ''}`,
  )
}
if (failed) {
  console.error('A framework binding is over its budget on top of the SDK.')
  process.exit(1)
}
