// @ts-check
import { bundleTexts } from './bundle-texts.js'
import { findLeaks } from './scan.js'
import { decompressedLeaks } from './scan-compressed.js'

/** @typedef {import('./scan.js').Target} Target */
/** @typedef {import('./leak-message.js').FileLeak} FileLeak */
/** @typedef {import('./bundle-texts.js').BundleLike} BundleLike */
/**
 * What `renderChunk` found, by each chunk's preliminary file name, with a name fit to print.
 * @typedef {Map<string, { name: string, leaks: import('./scan.js').Leak[] }>} RenderedLeaks
 */

/**
 * The leaks of chunks that were rendered but are no longer in the bundle: another plugin took
 * them out, and may ship their code inside something else (Astro inlines small scripts into
 * its pages, whose HTML no plugin sees).
 *
 * @param {RenderedLeaks | undefined} chunks
 * @param {BundleLike} bundle
 * @returns {FileLeak[]}
 */
export function takenOutLeaks(chunks, bundle) {
  if (!chunks) return []
  // At renderChunk, file names may still hold hash placeholders: the bundle keeps those too.
  const present = new Set(
    Object.entries(bundle).map(([fileName, item]) =>
      item.type === 'chunk' ? (item.preliminaryFileName ?? fileName) : fileName,
    ),
  )
  return [...chunks]
    .filter(([fileName]) => !present.has(fileName))
    .flatMap(([, { name, leaks }]) =>
      leaks.map((leak) => ({
        ...leak,
        fileName: `the chunk "${name}", which another plugin took out of the bundle (Astro inlines small scripts into pages)`,
      })),
    )
}

/**
 * The leaks in every chunk, asset and source map of a bundle; a `.gz` or `.br` asset is
 * searched decompressed too.
 *
 * @param {BundleLike} bundle
 * @param {readonly Target[]} targets
 * @returns {Promise<FileLeak[]>}
 */
export async function scanBundle(bundle, targets) {
  /** @type {FileLeak[]} */
  const leaks = []
  for (const { fileName, text, bytes } of bundleTexts(bundle)) {
    // A file name can carry a secret too (it ships as well), and it must then not be printed.
    const inName = findLeaks(fileName, targets)
    const shown = inName.length > 0 ? '(an output file whose name contains it)' : fileName
    for (const leak of [...inName, ...findLeaks(text, targets)])
      leaks.push({ ...leak, fileName: shown })
    // A compression plugin's `.gz` or `.br` asset: what the browser gets is inside.
    if (bytes) leaks.push(...(await decompressedLeaks(bytes, fileName, shown, targets)))
  }
  return leaks
}
