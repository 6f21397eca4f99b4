// Packs quiltt-embed as npm would publish it, then lints the tarball: publint (package.json
// fields, exports) and Are the Types Wrong (types resolve for ESM consumers and bundlers).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'quiltt-embed-pack-'))
const run = (cmd, args) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })
try {
  const [{ filename, files }] = JSON.parse(
    run('npm', ['pack', '--json', '--pack-destination', dir, '-w', 'quiltt-embed']),
  )
  const tarball = join(dir, filename)
  const listed = files.map((file) => file.path).sort()
  console.log(`packed ${filename}: ${listed.join(', ')}`)
  for (const required of [
    'dist/index.js',
    'dist/index.d.ts',
    'dist/quiltt-embed.min.js',
    'package.json',
  ]) {
    if (!listed.includes(required)) throw new Error(`the package is missing ${required}`)
  }
  if (listed.some((path) => path.startsWith('src/') || path.includes('test'))) {
    throw new Error('the package must ship dist/ only, not sources or tests')
  }
  process.stdout.write(run('npx', ['publint', '--strict', tarball]))
  // ESM-only on purpose: a browser SDK has no CommonJS consumers worth a second build. The IIFE
  // subpath is a classic script for copying or CDNs, not a module, so it has no types to check.
  process.stdout.write(
    run('npx', [
      'attw',
      '--profile',
      'esm-only',
      '--exclude-entrypoints',
      'quiltt-embed.min.js',
      '--format',
      'table-flipped',
      tarball,
    ]),
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
