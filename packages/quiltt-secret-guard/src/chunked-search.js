// @ts-check
import { StringDecoder } from 'node:string_decoder'
import { findLeaks } from './scan.js'

/** @typedef {import('./scan.js').Target} Target */
/** @typedef {import('./scan.js').Leak} Leak */

/** A byte above 0x7f, as latin1 reads it: only then does the latin1 view differ from the UTF-8 one. */
const NON_ASCII = /[\u0080-\u00ff]/

/**
 * Searches a stream of bytes piece by piece, holding one piece at a time, for what `scanFile`
 * finds in a whole file: the UTF-8 text and, where bytes above 0x7f occur, the latin1 view.
 * Each search starts with the end of the text before it, one character shorter than the
 * longest needle, so a needle that straddles two pieces is found and none is held twice over.
 *
 * @param {readonly Target[]} targets
 */
export function chunkedSearch(targets) {
  const lengths = targets.flatMap(({ needles }) => needles.map(({ needle }) => needle.length))
  const keep = Math.max(1, ...lengths) - 1
  const decoder = new StringDecoder('utf8')
  /** @type {Map<string, Set<import('./encodings.js').Encoding>>} */
  const found = new Map()
  let utf8Tail = ''
  let latin1Tail = ''

  /** @param {string} text */
  const search = (text) => {
    for (const { name, encodings } of findLeaks(text, targets)) {
      const known = found.get(name) ?? new Set()
      for (const encoding of encodings) known.add(encoding)
      found.set(name, known)
    }
  }
  /** @param {string} text */
  const tail = (text) => (keep === 0 ? '' : text.slice(-keep))

  return {
    /** @param {Buffer} bytes the next piece */
    push(bytes) {
      // The decoder holds back a character split between two pieces until it is whole.
      const utf8 = utf8Tail + decoder.write(bytes)
      search(utf8)
      utf8Tail = tail(utf8)
      const latin1 = latin1Tail + bytes.toString('latin1')
      if (NON_ASCII.test(latin1)) search(latin1)
      latin1Tail = tail(latin1)
    },
    /** @returns {Leak[]} what was found in all the pieces */
    end() {
      const rest = decoder.end()
      if (rest) search(utf8Tail + rest)
      return Array.from(found, ([name, encodings]) => ({ name, encodings: [...encodings] }))
    },
  }
}
