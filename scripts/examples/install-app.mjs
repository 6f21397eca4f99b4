// Installs an example app's dependencies with our packages from a local registry (startLocalRegistry
// + publishPackages), as `npm run example` and the examples' tests both do, and checks that what
// npm put under our names is exactly what that registry served.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PUBLISHED_PACKAGES, withoutNpmConfig } from '../registry/local-registry.mjs'

const run = promisify(execFile)

/**
 * @param {string} dir the app's folder
 * @param {string} registryUrl a registry startLocalRegistry started, with our packages published
 * @param {NodeJS.ProcessEnv} [env] npm's environment (default: this one without npm_config_*)
 * @returns {Promise<{ ms: number }>}
 */
export async function installApp(dir, registryUrl, env = withoutNpmConfig(process.env)) {
  const started = Date.now()
  // --no-save: the app's package.json and package-lock.json stay as committed (the lockfile holds
  // the framework's packages only; ours are never pinned to a throwaway registry).
  const args = ['install', '--no-save', '--no-audit', '--no-fund', '--registry', registryUrl]
  await run('npm', args, { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 }).catch((error) => {
    throw new Error(`npm install failed in ${dir}:\n${error.stdout ?? ''}${error.stderr ?? ''}`)
  })
  const tree = JSON.parse(await readFile(join(dir, 'node_modules/.package-lock.json'), 'utf8'))
  for (const [path, entry] of Object.entries(tree.packages)) {
    const name = path.split('node_modules/').at(-1)
    if (!PUBLISHED_PACKAGES.includes(name)) continue
    const served = await fetch(`${registryUrl}${name}`).then((response) => response.json())
    if (served.versions?.[entry.version]?.dist?.integrity !== entry.integrity) {
      throw new Error(`${join(dir, path)} is not the package this repository published: remove it`)
    }
  }
  return { ms: Date.now() - started }
}
