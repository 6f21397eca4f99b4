// Bytes a page pays for each entry of entries.mjs: minified by esbuild the same way for all
// (browser, ESM, React external), then gzip -9 and brotli at maximum quality.
import { readFile } from 'node:fs/promises'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { entries, OURS } from './entries.mjs'
import { cacheDir, iifeBundle, root } from './paths.mjs'

/** Bundlers treat React and Vue as the app's own: they are never part of an SDK's cost. */
const REACT = ['react', 'react-dom', 'react/*', 'react-dom/*', 'vue']

/** @param {Uint8Array} bytes */
export function compressedSizes(bytes) {
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  }
}

/**
 * @param {string} code @param {string} resolveDir
 * @param {import('esbuild').BuildOptions} [extra] more esbuild options (plugins, defines, …)
 * @returns {Promise<Uint8Array>}
 */
export async function bundle(code, resolveDir, extra = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    external: REACT,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    ...extra,
    define: { 'process.env.NODE_ENV': '"production"', ...extra.define },
  })
  return result.outputFiles[0].contents
}

/**
 * @returns {Promise<Record<string, { min?: number, gzip?: number, brotli?: number, ratio?: number, unavailable?: string, remoteScript: boolean }>>}
 *   per entry, `ratio` = its gzip size ÷ ours (the ESM import)
 */
export async function measureSizes() {
  /** @type {Record<string, { min: number, gzip: number, brotli: number }>} */
  const raw = {}
  for (const [label, entry] of Object.entries(entries)) {
    if (entry.unavailable) continue
    const bytes = entry.file
      ? await readFile(iifeBundle)
      : await bundle(entry.code ?? '', entry.from === 'cache' ? cacheDir : root)
    raw[label] = compressedSizes(bytes)
  }
  const ours = raw[OURS].gzip
  const unavailable = Object.entries(entries).filter(([, entry]) => entry.unavailable)
  return Object.fromEntries([
    ...Object.entries(raw).map(([label, size]) => [
      label,
      {
        ...size,
        ratio: Math.round((size.gzip / ours) * 100) / 100,
        remoteScript: entries[label].remoteScript,
      },
    ]),
    ...unavailable.map(([label, entry]) => [
      label,
      { unavailable: entry.unavailable, remoteScript: entry.remoteScript },
    ]),
  ])
}
