// Rollup plugin: after a bundle is written, writes its Subresource Integrity hash beside it
// (`quiltt-embed.min.js` → `quiltt-embed.min.js.sha384`, one line `sha384-…`). The README's
// script tag pins that value, and `npm run release:check` compares the two.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'

/** The `integrity` attribute value for a file's bytes. */
export function sriOf(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`
}

/** @returns {import('rollup').Plugin} */
export function sriHash() {
  return {
    name: 'sri-hash',
    writeBundle(options) {
      if (!options.file) throw new Error('sri-hash needs output.file')
      // Hash what is on disk, after every other plugin has had its say.
      writeFileSync(`${options.file}.sha384`, `${sriOf(readFileSync(options.file))}\n`)
    },
  }
}
