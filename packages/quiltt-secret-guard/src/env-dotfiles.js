// @ts-check
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import dotenv from 'dotenv'

/**
 * The files frameworks load for a production build, lowest precedence first: Vite's order
 * (`loadEnv`: `.env`, `.env.local`, `.env.[mode]`, `.env.[mode].local`). Next.js ranks
 * `.env.local` above `.env.production`; since every file's values are looked for, the order
 * only decides which value a `$VAR` in another file takes when both files set it. A separate
 * command such as `quiltt-secret-guard scan` runs without these files, so it reads them itself.
 */
export const DOTENV_FILES = Object.freeze([
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
])

/** @typedef {{ file: string, vars: Record<string, string> }} DotenvFile */

/**
 * The variables of each of those files that exists in `dir`, as written (not yet expanded).
 * Parsed by dotenv, the parser Next.js, Nuxt and Vite before 8 use: quotes, `export`,
 * comments, `\n` in double quotes.
 *
 * @param {string} dir
 * @returns {Promise<DotenvFile[]>} lowest precedence first
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
    found.push({ file, vars: dotenv.parse(text) })
  }
  return found
}
