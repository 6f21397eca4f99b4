// Packs each published package as npm would, then lints the tarball: publint (package.json
// fields, exports) and Are the Types Wrong (types resolve for ESM consumers and bundlers).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The packages and what each tarball must hold. ESM-only on purpose: a browser SDK has no
 * CommonJS consumers worth a second build. The IIFE subpath is a classic script for copying or
 * CDNs, not a module, so it has no types to check.
 */
const PACKAGES = [
  {
    name: 'quiltt-embed',
    required: ['dist/quiltt-embed.min.js'],
    attw: ['--exclude-entrypoints', 'quiltt-embed.min.js'],
  },
  { name: 'quiltt-embed-react', required: [], attw: [] },
  { name: 'quiltt-embed-vue', required: [], attw: [] },
]

const run = (cmd, args) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })

for (const { name, required, attw } of PACKAGES) {
  const dir = mkdtempSync(join(tmpdir(), `${name}-pack-`))
  try {
    const [{ filename, files }] = JSON.parse(
      run('npm', ['pack', '--json', '--pack-destination', dir, '-w', name]),
    )
    const tarball = join(dir, filename)
    const listed = files.map((file) => file.path).sort()
    console.log(`packed ${filename}: ${listed.join(', ')}`)
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'package.json', ...required]) {
      if (!listed.includes(file)) throw new Error(`${name} is missing ${file}`)
    }
    if (listed.some((path) => path.startsWith('src/') || path.includes('test'))) {
      throw new Error(`${name} must ship dist/ only, not sources or tests`)
    }
    process.stdout.write(run('npx', ['publint', '--strict', tarball]))
    process.stdout.write(
      run('npx', ['attw', '--profile', 'esm-only', ...attw, '--format', 'table-flipped', tarball]),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
