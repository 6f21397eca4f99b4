// Where the bench finds the repository, the SDK's bundles and its own package cache.
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const benchDir = fileURLToPath(new URL('..', import.meta.url))
export const embedDir = `${root}packages/quiltt-embed`
export const esmBundle = `${embedDir}/dist/index.js`
export const iifeBundle = `${embedDir}/dist/quiltt-embed.min.js`
/** Comparison packages live here, outside the workspace install (git-ignored). */
export const cacheDir = `${benchDir}.cache`
/** The committed manifest and lock of the comparison packages. */
export const compareDir = `${benchDir}compare`
