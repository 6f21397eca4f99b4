// Writes an example's package-lock.json for its framework dependencies only:
//   node scripts/examples/lock.mjs examples/nextjs [examples/…]
// npm resolves in a temporary copy of package.json without our own packages, so the lockfile never
// names them: the tests install them as published, from a local registry, and a lockfile must
// not pin a local build's integrity or send npm to the public registry for these names.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PUBLISHED_PACKAGES } from '../registry/local-registry.mjs'

/** @param {Record<string, string>} deps */
const withoutOurs = (deps) =>
  Object.fromEntries(Object.entries(deps).filter(([name]) => !PUBLISHED_PACKAGES.includes(name)))

for (const dir of process.argv.slice(2)) {
  const example = resolve(dir)
  const scratch = mkdtempSync(join(tmpdir(), 'quiltt-lock-'))
  try {
    const manifest = JSON.parse(readFileSync(join(example, 'package.json'), 'utf8'))
    if (manifest.dependencies) manifest.dependencies = withoutOurs(manifest.dependencies)
    if (manifest.devDependencies) manifest.devDependencies = withoutOurs(manifest.devDependencies)
    writeFileSync(join(scratch, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    copyFileSync(join(example, '.npmrc'), join(scratch, '.npmrc'))
    execFileSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund'], {
      cwd: scratch,
      stdio: 'inherit',
    })
    copyFileSync(join(scratch, 'package-lock.json'), join(example, 'package-lock.json'))
    console.log(`${dir}/package-lock.json written`)
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
