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
  // Server-only plain ESM with hand-written types: it ships src/, and has no dist/ build.
  {
    name: 'quiltt-session',
    shipped: ['src/index.js', 'src/index.d.ts', 'src/browser.js', 'package.json'],
    required: [],
    attw: [],
  },
  {
    name: 'quiltt-secret-guard',
    shipped: ['src/index.js', 'src/index.d.ts', 'package.json'],
    required: [],
    attw: [],
  },
  // The sandbox is plain ESM too; its types are hand-written (src/index.d.ts), its tests stay home.
  {
    name: 'quiltt-sandbox',
    shipped: ['src/index.js', 'src/index.d.ts', 'bin/quiltt-sandbox.js', 'package.json'],
    required: [],
    attw: [],
  },
]

const run = (cmd, args) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })

for (const { name, required, attw, shipped } of PACKAGES) {
  const dir = mkdtempSync(join(tmpdir(), `${name}-pack-`))
  try {
    const [{ filename, files }] = JSON.parse(
      run('npm', ['pack', '--json', '--pack-destination', dir, '-w', name]),
    )
    const tarball = join(dir, filename)
    const listed = files.map((file) => file.path).sort()
    console.log(`packed ${filename}: ${listed.join(', ')}`)
    const expected = shipped ?? ['dist/index.js', 'dist/index.d.ts', 'package.json', ...required]
    for (const file of expected) {
      if (!listed.includes(file)) throw new Error(`${name} is missing ${file}`)
    }
    if (listed.some((path) => path.includes('test') || (!shipped && path.startsWith('src/')))) {
      throw new Error(`${name} must ship its build only, not tests (or sources beside a dist/)`)
    }
    process.stdout.write(run('npx', ['publint', '--strict', tarball]))
    process.stdout.write(
      run('npx', ['attw', '--profile', 'esm-only', ...attw, '--format', 'table-flipped', tarball]),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
