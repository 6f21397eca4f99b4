// @ts-check
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseEnv } from 'node:util'

/**
 * The files Next.js, Nuxt, SvelteKit and Vite load for a production build, lowest precedence
 * first. A separate command such as `quiltt-secret-guard scan` runs without them, so it
 * reads them itself: a secret that only lives in `.env.local` reached the build all the same.
 */
export const DOTENV_FILES = Object.freeze([
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
])

/**
 * The variables of each of those files that exists in `dir`. Every file is returned on its own,
 * not merged: a value that a later file overrides may still have been built in somewhere
 * (another mode, an earlier build), and checking it costs nothing.
 *
 * @param {string} dir
 * @returns {Promise<Array<{ file: string, vars: Record<string, string | undefined> }>>}
 */
export async function readDotenvFiles(dir) {
  const found = []
  for (const file of DOTENV_FILES) {
    let text
    try {
      text = await readFile(join(dir, file), 'utf8')
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') continue
      throw error
    }
    // Node's own dotenv parser (the one behind `node --env-file`): quotes, `export`, comments.
    found.push({ file, vars: parseEnv(text) })
  }
  return found
}
