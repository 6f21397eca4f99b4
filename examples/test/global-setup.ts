// Installs and builds every selected example in a copy outside the repo, as a new user's app:
// inside the repo, Node would resolve a missing dependency from the root node_modules and hide it.
// Our packages come in as published (npm pack of the built packages), never from the workspace.
// Installs run in parallel, while nothing timing-sensitive runs; builds run one at a time, with no
// Quiltt secret and no Redis in their environment.
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ourPackages } from '../../scripts/examples/our-packages.mjs'
import { exampleDir, selectedExamples } from './support/examples'
import { cleanEnv, mustRun } from './support/run'

const repo = resolve(import.meta.dirname, '../..')
/** Never copied: what an install or a build makes. */
const generated = new Set([
  'node_modules',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  'dist',
  'build',
])

async function packOurPackages(into: string): Promise<Record<string, string>> {
  if (!existsSync(join(repo, 'packages/quiltt-embed/dist/quiltt-embed.min.js'))) {
    throw new Error(
      'The packages are not built: run `npm run build` before `npm run test:examples`.',
    )
  }
  const args = ['pack', '--json', '--pack-destination', into]
  for (const name of ourPackages) args.push(`--workspace=packages/${name}`)
  const { output } = await mustRun('npm', args, { cwd: repo, env: cleanEnv() })
  const packed: { name: string; filename: string }[] = JSON.parse(output.slice(output.indexOf('[')))
  return Object.fromEntries(packed.map(({ name, filename }) => [name, join(into, filename)]))
}

/** Points the copy's dependencies on our packages at the tarballs (and pins nested ones too). */
async function useTarballs(dir: string, tarballs: Record<string, string>): Promise<void> {
  const file = join(dir, 'package.json')
  const manifest = JSON.parse(await readFile(file, 'utf8'))
  const overrides: Record<string, string> = { ...manifest.overrides }
  for (const field of ['dependencies', 'devDependencies'] as const) {
    for (const name of Object.keys(manifest[field] ?? {})) {
      const tarball = tarballs[name]
      if (!tarball) continue
      manifest[field][name] = `file:${tarball}`
      overrides[name] = `$${name}`
    }
  }
  manifest.overrides = overrides
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`)
}

export default async function globalSetup() {
  const examples = selectedExamples()
  const root = await mkdtemp(join(tmpdir(), 'quiltt-examples-'))
  process.env.QUILTT_EXAMPLES_DIR = root
  const packs = join(root, '.packs')
  await mkdir(packs)
  const tarballs = await packOurPackages(packs)
  const timings: Record<string, { install?: number; build?: number }> = {}

  await Promise.all(
    examples.map(async (example) => {
      const dir = exampleDir(example)
      await cp(join(repo, 'examples', example), dir, {
        recursive: true,
        filter: (source) => !generated.has(source.split('/').at(-1) ?? ''),
      })
      await useTarballs(dir, tarballs)
      const install = await mustRun('npm', ['install', '--no-audit', '--no-fund'], {
        cwd: dir,
        env: cleanEnv(),
      })
      timings[example] = { install: install.ms }
    }),
  )
  for (const example of examples) {
    const dir = exampleDir(example)
    const { scripts } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))
    if (!scripts?.build) continue // Express serves its files as they are
    const build = await mustRun('npm', ['run', 'build'], { cwd: dir, env: cleanEnv() })
    timings[example] = { ...timings[example], build: build.ms }
  }
  for (const [example, { install, build }] of Object.entries(timings)) {
    console.log(
      `examples/${example}: install ${seconds(install)} (in parallel), build ${seconds(build)}`,
    )
  }

  return async () => {
    if (process.env.KEEP_EXAMPLES) console.log(`Examples kept in ${root}`)
    else await rm(root, { recursive: true, force: true })
  }
}

const seconds = (ms = 0) => `${(ms / 1000).toFixed(1)} s`
