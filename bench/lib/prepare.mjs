// First-run setup: the SDK's bundles (built when missing or older than its sources) and the
// comparison packages, installed from bench/compare's lock into bench/.cache, never into the
// workspace.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import {
  bindingBundles,
  cacheDir,
  compareDir,
  esmBundle,
  iifeBundle,
  root,
  sourceDirs,
} from './paths.mjs'

/** @param {string} command @param {string[]} args @param {string} cwd */
function run(command, args, cwd) {
  const { status, error } = spawnSync(command, args, { cwd, stdio: 'inherit' })
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${error ?? status})`)
}

/** @param {string} dir @returns {number} newest mtime under dir */
function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

/**
 * Runs the root Rollup build unless the SDK's bundles and the bindings' exist and are newer than
 * their sources.
 */
export function ensureBundles() {
  const bundles = [esmBundle, iifeBundle, ...bindingBundles]
  const sources = Math.max(...sourceDirs.map(newest))
  if (bundles.every((file) => existsSync(file) && statSync(file).mtimeMs >= sources)) return
  console.log('Building quiltt-embed (npx rollup -c)…')
  run('npx', ['rollup', '-c'], root)
}

/** Installs the pinned comparison packages into bench/.cache unless that lock is installed. */
export function ensureComparePackages() {
  const lock = readFileSync(`${compareDir}/package-lock.json`)
  const hash = createHash('sha256').update(lock).digest('hex')
  const marker = `${cacheDir}/node_modules/.bench-lock-sha256`
  if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) return
  console.log('Installing the comparison packages into bench/.cache (first run only)…')
  mkdirSync(cacheDir, { recursive: true })
  for (const file of ['package.json', 'package-lock.json']) {
    copyFileSync(`${compareDir}/${file}`, `${cacheDir}/${file}`)
  }
  run('npm', ['ci', '--prefix', cacheDir, '--no-audit', '--no-fund', '--ignore-scripts'], cacheDir)
  writeFileSync(marker, hash)
}
