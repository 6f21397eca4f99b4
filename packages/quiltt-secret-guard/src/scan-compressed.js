// @ts-check
import { extname } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress, createGunzip } from 'node:zlib'
import { chunkedSearch } from './chunked-search.js'

/** @typedef {import('./scan.js').Target} Target */
/** @typedef {import('./leak-message.js').FileLeak} FileLeak */

/**
 * How much one precompressed file may unpack to. Far more than any asset a browser is sent
 * (the largest bundles are a few tens of MiB), yet a limit: a decompression bomb, a few KB of
 * brotli that unpack to terabytes, would otherwise keep the scan busy for ever. Memory does
 * not grow with it: the content is searched piece by piece, never held whole.
 */
export const MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024

/** The precompressed copies servers send with `Content-Encoding` (nginx gzip_static, brotli_static, sirv, …). */
const COMPRESSIONS = new Map([
  ['.gz', { name: 'gzip', decompressor: createGunzip }],
  ['.br', { name: 'brotli', decompressor: createBrotliDecompress }],
])

/** Larger pieces than zlib's 16 KiB default: fewer searches, the same bounded memory. */
const PIECE_BYTES = 64 * 1024

/**
 * The leaks inside a `.gz` or `.br` file, decompressed as the browser would receive it;
 * none for any other file.
 *
 * @param {Uint8Array} bytes the file as stored
 * @param {string} fileName its name, whose extension says the compression
 * @param {string} shownName how the report names the file (relative, and never a secret)
 * @param {readonly Target[]} targets
 * @returns {Promise<FileLeak[]>}
 * @throws {Error} when the file does not decompress, or unpacks to more than the bound: what
 *   is inside cannot be vouched for. The message names the file and the reason, never content.
 */
export async function decompressedLeaks(bytes, fileName, shownName, targets) {
  const compression = COMPRESSIONS.get(extname(fileName).toLowerCase())
  if (!compression || targets.length === 0) return []
  const search = chunkedSearch(targets)
  let total = 0
  // Set before stopping the pipeline, whose rejection is then an AbortError, not our own.
  let tooLarge = false
  try {
    await pipeline(
      Readable.from([bytes], { objectMode: false }),
      compression.decompressor({ chunkSize: PIECE_BYTES }),
      async (/** @type {AsyncIterable<Buffer>} */ pieces) => {
        for await (const piece of pieces) {
          total += piece.length
          if (total > MAX_DECOMPRESSED_BYTES) {
            tooLarge = true
            throw new Error('over the bound')
          }
          search.push(piece)
        }
      },
    )
  } catch (error) {
    if (tooLarge) {
      throw new Error(
        `${shownName} unpacks (${compression.name}) to more than ${MAX_DECOMPRESSED_BYTES / 1024 / 1024} MiB, more than any asset a browser needs, so the scan stopped there (a decompression bomb would never end). Remove it from what is served, or check why it is that large.`,
      )
    }
    // zlib's messages are fixed texts ("incorrect header check"), never the data.
    throw new Error(
      `${shownName} is not valid ${compression.name} (${/** @type {Error} */ (error).message}), so what a browser would get from it cannot be checked. Rebuild it, or remove it from what is served.`,
    )
  }
  const label = `${shownName} (decompressed from ${compression.name})`
  return search.end().map((leak) => ({ ...leak, fileName: label }))
}
