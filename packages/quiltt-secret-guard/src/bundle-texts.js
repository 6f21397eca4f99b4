// @ts-check
import { Buffer } from 'node:buffer'

/**
 * The parts of an output bundle we read. Rollup's and Rolldown's (Vite's) richer types are
 * both assignable to these.
 * @typedef {{ type: 'chunk', code: string, map?: object | null, sourcemapFileName?: string | null, preliminaryFileName?: string }} ChunkLike
 * @typedef {{ type: 'asset', source: string | Uint8Array }} AssetLike
 * @typedef {Record<string, ChunkLike | AssetLike>} BundleLike
 */

/**
 * Every text that will be written: chunk code, asset contents, and source maps. A source map
 * that is not its own asset (`sourcemap: 'inline'`) is read from the chunk, because its
 * `sourcesContent` can hold a secret that tree-shaking removed from the code. Binary assets
 * come with their bytes too, for a compressed one to be decompressed.
 *
 * @param {BundleLike} bundle
 * @returns {Generator<{ fileName: string, text: string, bytes?: Uint8Array }>}
 */
export function* bundleTexts(bundle) {
  for (const [fileName, item] of Object.entries(bundle)) {
    if (item.type === 'asset') {
      const { source } = item
      yield typeof source === 'string'
        ? { fileName, text: source }
        : { fileName, text: assetText(source), bytes: source }
      continue
    }
    yield { fileName, text: item.code }
    const mapFile = item.sourcemapFileName ?? `${fileName}.map`
    if (item.map && !(mapFile in bundle)) {
      yield { fileName: `${fileName} (inline source map)`, text: JSON.stringify(item.map) }
    }
  }
}

/**
 * Binary assets are read as latin1, which maps each byte to one character, so byte patterns
 * (a UTF-8 secret, its base64 in a font or image) are found exactly. TextDecoder('latin1')
 * would not do: it is windows-1252 and remaps 0x80–0x9F.
 * @param {Uint8Array} source
 */
function assetText(source) {
  return Buffer.from(source.buffer, source.byteOffset, source.byteLength).toString('latin1')
}
