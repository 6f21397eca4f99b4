// The version step's last part (`npm run release:version`, after `changeset version` and the
// build): writes the new version and the new build's SRI hash into every pinned script tag.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { built, pin, pinFiles, root } from './script-tag-pins.mjs'

const { version, integrity } = built()
for (const file of pinFiles()) {
  const path = join(root, file)
  const text = readFileSync(path, 'utf8')
  const next = pin(text, version, integrity)
  if (next !== text) {
    writeFileSync(path, next)
    console.log(`${file}: quiltt-embed@${version} ${integrity}`)
  }
}
