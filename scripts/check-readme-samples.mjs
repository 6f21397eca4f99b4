// A README sample is code: each fenced block marked `<!-- sample: PATH -->` (or `PATH#NAME`) must
// equal the file a test runs (or the lines between `#region NAME` and `#endregion NAME` in it), so
// the README cannot drift from what is tested. In a package README, every block that calls
// `createSessions(`, a handler, `createConnector(` or a binding must be such a sample. Exits 1
// naming each sample that differs and each block that should be one.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { codeBlocks, dedent, needsSample, strayMarkers } from './readme-blocks.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The READMEs users read: the root's, each package's, the demo's and each example's. */
function readmes() {
  const found = ['README.md', 'demo/README.md']
  for (const dir of ['packages', 'examples']) {
    if (!existsSync(join(root, dir))) continue
    for (const name of readdirSync(join(root, dir))) found.push(`${dir}/${name}/README.md`)
  }
  return found.filter((path) => existsSync(join(root, path)))
}

function expected(path, region) {
  const file = join(root, path)
  if (!existsSync(file)) return { error: `${path} does not exist` }
  const lines = readFileSync(file, 'utf8').replace(/\n$/, '').split('\n')
  if (!region) return { text: lines.join('\n') }
  const start = lines.findIndex((line) => line.includes(`#region ${region}`))
  const end = lines.findIndex((line, i) => i > start && line.includes(`#endregion ${region}`))
  if (start < 0 || end < 0) return { error: `${path} has no region ${region}` }
  return { text: dedent(lines.slice(start + 1, end)).join('\n') }
}

let failures = 0
let checked = 0
const fail = (message) => {
  failures++
  console.error(message)
}
for (const readme of readmes()) {
  const text = readFileSync(join(root, readme), 'utf8')
  for (const line of strayMarkers(text)) fail(`${readme}:${line}: no code block follows the marker`)
  for (const { line, body, marker } of codeBlocks(text)) {
    if (!marker) {
      if (readme.startsWith('packages/') && needsSample(body)) {
        fail(
          `${readme}:${line}: this block calls the API users copy, so it must be a checked sample: put <!-- sample: PATH#REGION --> above it, naming the file a test runs`,
        )
      }
      continue
    }
    checked++
    const where = `${readme}:${marker.line} (${marker.path}${marker.region ? `#${marker.region}` : ''})`
    const want = expected(marker.path, marker.region)
    if (want.error) fail(`${where}: ${want.error}`)
    else if (want.text.trimEnd() !== body.trimEnd()) {
      fail(`${where}: the README's sample differs from the file a test runs`)
    }
  }
}
console.log(`README samples: ${checked} checked, ${failures} failing`)
process.exit(failures ? 1 : 0)
