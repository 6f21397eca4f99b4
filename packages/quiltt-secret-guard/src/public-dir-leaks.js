// @ts-check
import { relative } from 'node:path'
import { browserFiles } from './browser-files.js'
import { scanFile } from './scan-files.js'

/** @typedef {import('./scan.js').Target} Target */
/** @typedef {import('./leak-message.js').FileLeak} FileLeak */

/**
 * The parts of Vite's resolved config (or of an environment's, under the environment API) that
 * say what Vite copies: `publicDir` is an absolute path, or '' for `publicDir: false`.
 * @typedef {{ root?: string, publicDir?: string, build?: { copyPublicDir?: boolean } }} PublicDirConfig
 */

/**
 * The leaks in the files Vite copies from `publicDir` into the output as they are. They never
 * pass through the bundle, so no plugin hook sees them; they ship all the same. Reported
 * relative to the project root (`public/config.js`), where the file is to be fixed.
 *
 * @param {PublicDirConfig | undefined} config undefined under Rollup, which copies nothing
 * @param {readonly Target[]} targets
 * @returns {Promise<FileLeak[]>}
 */
export async function publicDirLeaks(config, targets) {
  const publicDir = config?.publicDir
  if (!publicDir || config.build?.copyPublicDir === false) return []
  const root = config.root ?? process.cwd()
  /** @type {FileLeak[]} */
  const leaks = []
  try {
    for await (const { path } of browserFiles(publicDir, root)) {
      // Every file is copied, whatever its name or folder: none is skipped as server code.
      leaks.push(...(await scanFile(path, relative(root, path), targets)))
    }
  } catch (error) {
    // Vite's default publicDir, `public`, need not exist.
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error
  }
  return leaks
}
