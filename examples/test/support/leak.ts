// A secret-leak case: the app's own build (with its guard) must fail once a secret reaches what a
// browser receives, name where it was found, and never print the value.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { expect } from '@playwright/test'
import { cleanEnv, run } from './run'

/**
 * Writes `files` (path → content, relative to the app; a function gets the file's current
 * content) into the installed copy, runs `npm run <script> [args]` with the secret only in a
 * `.env.local` (as on a developer's machine), then puts every file back as it was.
 */
export async function expectLeakRefused(
  dir: string,
  secret: string,
  files: Record<string, string | ((current: string) => string)>,
  command: string[],
  env: Record<string, string> = {},
): Promise<string> {
  const written: Record<string, string | ((current: string) => string)> = {
    ...files,
    '.env.local': `QUILTT_API_KEY_SECRET=${secret}\n`,
  }
  const originals = new Map<string, string | undefined>()
  for (const [path, content] of Object.entries(written)) {
    const file = join(dir, path)
    const current = await readFile(file, 'utf8').catch(() => undefined)
    originals.set(file, current)
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, typeof content === 'function' ? content(current ?? '') : content)
  }
  try {
    const result = await run('npm', ['run', ...command], { cwd: dir, env: cleanEnv(env) })
    expect(result.code, result.output).not.toBe(0)
    expect(result.output).not.toContain(secret)
    return result.output
  } finally {
    for (const [file, content] of originals) {
      if (content === undefined) await rm(file, { force: true })
      else await writeFile(file, content)
    }
  }
}
