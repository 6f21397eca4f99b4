// Where the bench finds the repository, the SDK's bundles and its own package cache.
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const benchDir = fileURLToPath(new URL('..', import.meta.url))
export const embedDir = `${root}packages/quiltt-embed`
export const esmBundle = `${embedDir}/dist/index.js`
export const iifeBundle = `${embedDir}/dist/quiltt-embed.min.js`
/** The bindings as published, which the bindings' size rows bundle beside the SDK. */
export const bindingBundles = ['react', 'vue'].map(
  (name) => `${root}packages/quiltt-embed-${name}/dist/index.js`,
)
/** What the root Rollup build builds those bundles from. */
export const sourceDirs = [
  `${embedDir}/src`,
  `${root}packages/quiltt-embed-react/src`,
  `${root}packages/quiltt-embed-vue/src`,
  `${root}packages/bindings-common`,
]
/** Comparison packages live here, outside the workspace install (git-ignored). */
export const cacheDir = `${benchDir}.cache`
/** The committed manifest and lock of the comparison packages. */
export const compareDir = `${benchDir}compare`
