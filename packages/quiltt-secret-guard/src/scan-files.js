// @ts-check
import { readFile } from 'node:fs/promises'
import { findLeaks } from './scan.js'
import { decompressedLeaks } from './scan-compressed.js'

/** @typedef {import('./scan.js').Target} Target */
/** @typedef {import('./leak-message.js').FileLeak} FileLeak */

/**
 * The leaks in one file on disk, under the name it is to be reported by. The file is searched
 * as UTF-8 text and, when it holds non-ASCII bytes, also byte for byte (latin1), as the
 * plugin reads binary assets: a secret inside an image or font is found, and so is a
 * non-ASCII secret written escaped in JS. A `.gz` or `.br` file is searched decompressed too.
 *
 * @param {string} path
 * @param {string} shownName how the report names the file (relative, and never a secret)
 * @param {readonly Target[]} targets
 * @returns {Promise<FileLeak[]>}
 */
export async function scanFile(path, shownName, targets) {
  const bytes = await readFile(path)
  // A file name can carry a secret too (it ships as well), and it must then not be printed.
  const inName = findLeaks(shownName, targets)
  const fileName = inName.length > 0 ? '(a file whose name contains it)' : shownName
  return [
    ...bytesLeaks(bytes, fileName, inName, targets),
    ...(await decompressedLeaks(bytes, path, fileName, targets)),
  ]
}

/**
 * @param {Buffer} bytes
 * @param {string} fileName
 * @param {readonly import('./scan.js').Leak[]} inName
 * @param {readonly Target[]} targets
 * @returns {FileLeak[]}
 */
function bytesLeaks(bytes, fileName, inName, targets) {
  const texts = [bytes.toString('utf8')]
  if (bytes.some((byte) => byte >= 0x80)) texts.push(bytes.toString('latin1'))
  /** @type {Map<string, Set<import('./encodings.js').Encoding>>} */
  const byName = new Map()
  for (const leak of [...inName, ...texts.flatMap((text) => findLeaks(text, targets))]) {
    const encodings = byName.get(leak.name) ?? new Set()
    for (const encoding of leak.encodings) encodings.add(encoding)
    byName.set(leak.name, encodings)
  }
  return Array.from(byName, ([name, encodings]) => ({ name, encodings: [...encodings], fileName }))
}
