// Builds the bundles the demo serves when any is missing (`npm start` on a fresh clone).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Files the demo pages load; all are outputs of the root rollup.config.mjs. */
export const requiredBundles = [
  'packages/quiltt-embed/dist/quiltt-embed.min.js',
  'packages/quiltt-embed/dist/index.js',
  'demo/dist/spa.js',
  'demo/dist/react.js',
  'demo/dist/vue.js',
]

/**
 * Runs `npx rollup -c` at the repository root unless every required bundle exists.
 * @returns {Promise<boolean>} whether a build ran
 */
export async function ensureBuilt() {
  const missing = requiredBundles.filter((file) => !existsSync(join(root, file)))
  if (missing.length === 0) return false
  console.log(`Building the bundles (missing: ${missing.join(', ')})…`)
  await new Promise((resolve, reject) => {
    const child = spawn('npx', ['rollup', '-c'], { cwd: root, stdio: 'inherit' })
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve(undefined) : reject(new Error(`npx rollup -c exited with ${code}`)),
    )
  })
  return true
}
