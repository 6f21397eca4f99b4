// node bench/size-parts.mjs: what each part of the SDK costs, for the SPEC §9 size budgets.
// Builds `import { createConnector }` (and the IIFE) from source with the bench's esbuild settings,
// as size-limit does (minified ESM, nanoevents included), again with one part stubbed out at a
// time, and prints the min+gzip sizes and each part's share. Not part of `npm test`.
import { readFile } from 'node:fs/promises'
import ts from 'typescript'
import { BUDGETS } from './lib/budgets.mjs'
import { root } from './lib/paths.mjs'
import { bundle, compressedSizes } from './lib/sizes.mjs'

const src = `${root}packages/quiltt-embed/src/`

/** Stand-ins that keep the rest of the SDK compiling while dropping a part's code. */
const STUBS = {
  scriptTransport: { file: 'script-transport.ts', code: 'export const scriptTransport = {}' },
  modal: {
    file: 'modal.ts',
    code: 'export const createModal = () => ({ show() {}, remove() {} })',
  },
}

/**
 * `source` with the message argument of every `new ConnectorError(CODE, message)` and
 * `invalidOption(name, message)` replaced by ''. Found with TypeScript's parser: a message may be
 * a template literal holding other template literals, which no regular expression can match.
 */
function withoutMessages(source) {
  const file = ts.createSourceFile('part.ts', source, ts.ScriptTarget.Latest, true)
  /** @type {[number, number][]} */
  const spans = []
  const visit = (/** @type {import('typescript').Node} */ node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression.getText(file)
      const message = node.arguments?.[1]
      if ((callee === 'ConnectorError' || callee === 'invalidOption') && message)
        spans.push([message.getStart(file), message.end])
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  // A message inside another message goes with it; the rest are replaced from the end, so the
  // earlier spans' offsets still hold.
  const outermost = spans.filter(([start, end]) =>
    spans.every(([s, e]) => (s === start && e === end) || !(s <= start && end <= e)),
  )
  let result = source
  for (const [start, end] of outermost.sort((a, b) => b[0] - a[0]))
    result = `${result.slice(0, start)}''${result.slice(end)}`
  return result
}

/**
 * @param {{ entry?: string, stub?: (keyof typeof STUBS)[], noMessages?: boolean }} variant
 * @returns {Promise<number>} gzip -9 bytes of the minified bundle
 */
async function measure({
  entry = 'export { createConnector } from "./index"',
  stub = [],
  noMessages,
}) {
  const stubbed = new Map(stub.map((name) => [`${src}${STUBS[name].file}`, STUBS[name].code]))
  const bytes = await bundle(entry, src, {
    define: { __QUILTT_EMBED_VERSION__: '"0.0.0"' },
    // The IIFE entry is all side effects, which the package's `sideEffects: false` would drop.
    ignoreAnnotations: entry.includes('iife'),
    plugins: [
      {
        name: 'parts',
        setup(builder) {
          builder.onLoad({ filter: /quiltt-embed\/src\/.*\.ts$/ }, async ({ path }) => {
            let contents = stubbed.get(path) ?? (await readFile(path, 'utf8'))
            if (noMessages) contents = withoutMessages(contents)
            return { contents, loader: 'ts' }
          })
        },
      },
    ],
  })
  return compressedSizes(bytes).gzip
}

const full = await measure({})
const rows = [
  ['import { createConnector }: everything', full],
  [
    '  without the modal (top-layer dialog, focus, screen fit, scroll lock)',
    await measure({ stub: ['modal'] }),
  ],
  ['  without the error messages (codes kept)', await measure({ noMessages: true })],
  [
    'import { createConnector, scriptTransport }',
    await measure({ entry: 'export { createConnector, scriptTransport } from "./index"' }),
  ],
  [
    '  inline-iframe core: without the modal and the messages',
    await measure({ stub: ['scriptTransport', 'modal'], noMessages: true }),
  ],
  [
    'quiltt-embed.min.js equivalent (adds autoBind, the global)',
    await measure({ entry: 'import "./iife"' }),
  ],
]
const kB = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(2)} kB`
console.log('| build (esbuild, minified, gzip -9) | size | Δ |\n| --- | --- | --- |')
for (const [label, bytes] of rows) {
  const delta = bytes - full
  console.log(
    `| ${label} | ${kB(bytes)} | ${delta ? `${delta > 0 ? '+' : '−'}${kB(Math.abs(delta))}` : ''} |`,
  )
}
console.log(
  `\nSPEC §9 budgets: ${kB(BUDGETS.createConnector.limit)} for the createConnector import, ${kB(BUDGETS.scriptTransport.limit)} with scriptTransport, ${kB(BUDGETS.iife.limit)} for quiltt-embed.min.js (size-limit measures dist/; this table builds from source, so reads a little higher).`,
)
