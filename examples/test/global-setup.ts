// Installs and builds every selected example in a copy outside the repo, as a new user's app:
// inside the repo, Node would resolve a missing dependency from the root node_modules and hide it.
// Our packages come in as published (from a local registry), never from the workspace.
// Installs run in parallel, while nothing timing-sensitive runs; builds run one at a time, with no
// Quiltt secret and no Redis in their environment.
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { installApp } from '../../scripts/examples/install-app.mjs'
import { publishPackages, startLocalRegistry } from '../../scripts/registry/local-registry.mjs'
import { buildFailure, exampleDir, selectedExamples } from './support/examples'
import { cleanEnv, run } from './support/run'

const repo = resolve(import.meta.dirname, '../..')
/** Never copied: what an install or a build makes. */
const generated = new Set([
  'node_modules',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.astro',
  '.angular',
  'dist',
  'build',
])

export default async function globalSetup() {
  const examples = selectedExamples()
  // While working on a spec: reuse copies a KEEP_EXAMPLES run left (installed and built).
  if (process.env.REUSE_EXAMPLES) {
    process.env.QUILTT_EXAMPLES_DIR = process.env.REUSE_EXAMPLES
    return
  }
  const root = await mkdtemp(join(tmpdir(), 'quiltt-examples-'))
  process.env.QUILTT_EXAMPLES_DIR = root
  if (!existsSync(join(repo, 'packages/quiltt-embed/dist/quiltt-embed.min.js'))) {
    throw new Error(
      'The packages are not built: run `npm run build` before `npm run test:examples`.',
    )
  }
  const timings: Record<string, { install?: number; build?: number }> = {}
  // Our packages exactly as published, from a local registry where their names never reach the
  // public one; the examples' framework dependencies come through it from the usual registry.
  const registry = await startLocalRegistry({ storageDir: join(root, '.registry') })
  try {
    await publishPackages(registry.url)
    await Promise.all(
      examples.map(async (example) => {
        const dir = exampleDir(example)
        await cp(join(repo, 'examples', example), dir, {
          recursive: true,
          filter: (source) => !generated.has(source.split('/').at(-1) ?? ''),
        })
        // As `npm run example` installs an app, so that command is tested here too.
        const install = await installApp(dir, registry.url, cleanEnv())
        timings[example] = { install: install.ms }
      }),
    )
  } finally {
    await registry.close()
  }
  for (const example of examples) {
    const dir = exampleDir(example)
    const { scripts } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))
    if (!scripts?.build) continue // Express serves its files as they are
    const build = await run('npm', ['run', 'build'], { cwd: dir, env: cleanEnv() })
    timings[example] = { ...timings[example], build: build.ms }
    // A failed build fails that example's tests (with this output), not the other examples.
    if (build.code !== 0) await writeFile(buildFailure(example), build.output)
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
