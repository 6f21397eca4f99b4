// A README sample is code: each fenced block marked `<!-- sample: PATH -->` (or `PATH#NAME`) must
// equal the file a test runs (or the lines between `#region NAME` and `#endregion NAME` in it), so
// the README cannot drift from what is tested. Exits 1 naming each sample that differs.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const marker = /^<!-- sample: ([^\s#]+)(?:#([\w-]+))? -->$/

/** The READMEs users read: the root's, each package's, the demo's and each example's. */
function readmes() {
  const found = ['README.md', 'demo/README.md']
  for (const dir of ['packages', 'examples']) {
    if (!existsSync(join(root, dir))) continue
    for (const name of readdirSync(join(root, dir))) found.push(`${dir}/${name}/README.md`)
  }
  return found.filter((path) => existsSync(join(root, path)))
}

/** Removes the indentation every non-blank line shares. */
function dedent(lines) {
  const widths = lines.filter((line) => line.trim()).map((line) => line.match(/^ */)[0].length)
  const cut = widths.length ? Math.min(...widths) : 0
  return lines.map((line) => line.slice(cut))
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

/** Each marked sample in one README: where it is, what it points at, and its code. */
function samples(readme) {
  const lines = readFileSync(join(root, readme), 'utf8').split('\n')
  const found = []
  lines.forEach((line, i) => {
    const match = marker.exec(line.trim())
    if (!match) return
    let open = i + 1
    while (open < lines.length && !lines[open].trim()) open++
    const fence = /^(\s*)(`{3,})/.exec(lines[open] ?? '')
    if (!fence) {
      found.push({ readme, line: i + 1, path: match[1], error: 'no code block follows the marker' })
      return
    }
    const close = lines.findIndex((l, j) => j > open && l.trim() === fence[2])
    const body = dedent(lines.slice(open + 1, close < 0 ? lines.length : close)).join('\n')
    found.push({ readme, line: i + 1, path: match[1], region: match[2], body })
  })
  return found
}

let failures = 0
let checked = 0
for (const readme of readmes()) {
  for (const sample of samples(readme)) {
    checked++
    const where = `${readme}:${sample.line} (${sample.path}${sample.region ? `#${sample.region}` : ''})`
    const want = sample.error ? sample : expected(sample.path, sample.region)
    if (want.error) {
      failures++
      console.error(`${where}: ${want.error}`)
    } else if (want.text.trimEnd() !== sample.body.trimEnd()) {
      failures++
      console.error(`${where}: the README's sample differs from the file a test runs`)
    }
  }
}
console.log(`README samples: ${checked} checked, ${failures} differing`)
process.exit(failures ? 1 : 0)
