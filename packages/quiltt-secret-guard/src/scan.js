// @ts-check

/** @typedef {import('./encodings.js').Encoding} Encoding */
/** @typedef {import('./encodings.js').Needle} Needle */
/** @typedef {{ name: string, needles: readonly Needle[] }} Target */
/** @typedef {{ name: string, encodings: Encoding[] }} Leak */

/**
 * Which secrets appear in one output text, and in which encodings. Plain `includes` per
 * needle: a few dozen linear scans per file, and no regular expression built from a secret.
 *
 * @param {string} text
 * @param {readonly Target[]} targets
 * @returns {Leak[]} only secrets that were found, each with its distinct encodings
 */
export function findLeaks(text, targets) {
  /** @type {Leak[]} */
  const leaks = []
  for (const { name, needles } of targets) {
    /** @type {Set<Encoding>} */
    const encodings = new Set()
    for (const { encoding, needle } of needles) {
      if (!encodings.has(encoding) && text.includes(needle)) encodings.add(encoding)
    }
    if (encodings.size > 0) leaks.push({ name, encodings: [...encodings] })
  }
  return leaks
}
