// `npm run test:registry`: proves the packages as a user gets them. It publishes every package
// to a real local registry (Verdaccio), installs them in an empty folder from that registry
// alone, imports every entry, runs `npx quiltt-sandbox --help`, and type-checks a consumer under
// strict settings. Needs `npm run build` first. KEEP_REGISTRY_TEST=1 keeps the temp folder.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { build } from 'esbuild'
import {
  PUBLISHED_PACKAGES,
  publishPackages,
  startLocalRegistry,
  withoutNpmConfig,
} from './local-registry.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')
const tsc = join(root, 'node_modules/typescript/bin/tsc')
const execFileAsync = promisify(execFile)

/** Third-party packages a consumer of ours installs beside them (the peers and their types). */
const CONSUMER_EXTRAS = [
  'react@19.3.1',
  'react-dom@19.3.1',
  'vue@3.5.45',
  '@types/react@19.3.0',
  '@types/node@20.19.43',
]

/**
 * A package that is on the public registry: made local-only like ours, it must answer 404, which
 * shows that local-only holds for a name the uplink could serve (ours are unclaimed there today,
 * so they alone would answer 404 either way).
 */
const PUBLIC_CANARY = 'left-pad'

/** Export subpaths that are classic scripts, not modules: checked for presence and hash. */
const CLASSIC_SCRIPTS = { 'quiltt-embed': ['./quiltt-embed.min.js'] }

const timings = []
async function step(name, work) {
  const started = performance.now()
  const result = await work()
  const ms = Math.round(performance.now() - started)
  timings.push([name, ms])
  console.log(`ok ${timings.length} - ${name} (${(ms / 1000).toFixed(1)} s)`)
  return result
}

const run = (cmd, args, options = {}) =>
  execFileAsync(cmd, args, {
    maxBuffer: 16 * 1024 * 1024,
    env: withoutNpmConfig(process.env),
    ...options,
  }).catch((error) => {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim()
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${output || error.message}`)
  })

/** Runs a module snippet with Node in the consumer folder, where only the installed packages resolve. */
const node = (app, code, flags = []) =>
  run(process.execPath, [...flags, '--input-type=module', '-e', code], { cwd: app })

function assertBuilt() {
  for (const file of [
    'packages/quiltt-embed/dist/index.js',
    'packages/quiltt-embed/dist/quiltt-embed.min.js.sha384',
    'packages/quiltt-embed-react/dist/index.js',
    'packages/quiltt-embed-vue/dist/index.js',
  ]) {
    if (!existsSync(join(root, file)))
      throw new Error(`${file} is missing: run npm run build first`)
  }
}

async function importEveryEntry(app) {
  const checked = []
  for (const name of PUBLISHED_PACKAGES) {
    const dir = join(app, 'node_modules', name)
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    for (const subpath of Object.keys(pkg.exports)) {
      if (subpath === './package.json') continue
      const specifier = subpath === '.' ? name : `${name}/${subpath.slice(2)}`
      if (CLASSIC_SCRIPTS[name]?.includes(subpath)) {
        const file = join(dir, pkg.exports[subpath])
        const hash = createHash('sha384').update(readFileSync(file)).digest('base64')
        const written = readFileSync(`${file}.sha384`, 'utf8').trim()
        if (written !== `sha384-${hash}`) {
          throw new Error(`${specifier}: the published .sha384 file does not match the script`)
        }
      } else {
        await node(app, `await import(${JSON.stringify(specifier)})`)
      }
      checked.push(specifier)
    }
  }
  // Where there is no DOM, the SDK imports quietly and createConnector says why it cannot run.
  await node(
    app,
    `import { createConnector, ConnectorError } from 'quiltt-embed'
     try { createConnector({ connectorId: 'abc123', token: 'x' }); throw new Error('no throw') }
     catch (error) {
       if (!(error instanceof ConnectorError) || error.code !== 'INVALID_OPTIONS') throw error
     }`,
  )
  // A bundler building for the browser gets quiltt-session's guard, which refuses to load. Node
  // itself always matches `node`, which the exports list before `browser` (server runtimes first),
  // so the browser build is made as a bundler makes it: esbuild, platform browser.
  const bundle = await build({
    stdin: { contents: "import 'quiltt-session'", resolveDir: app, loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  })
  const browserBundle = join(app, 'browser-bundle.mjs')
  writeFileSync(browserBundle, bundle.outputFiles[0].contents)
  const browser = await node(
    app,
    `try { await import('./browser-bundle.mjs'); console.log('loaded') } catch (error) { console.log(error.message) }`,
  )
  if (!/runs on your server/.test(browser.stdout)) {
    throw new Error(`quiltt-session loaded in a browser bundle: ${browser.stdout}`)
  }
  return checked
}

async function main() {
  assertBuilt()
  const base = mkdtempSync(join(tmpdir(), 'quiltt-registry-'))
  const app = join(base, 'app')
  const registry = await step('start Verdaccio on loopback (storage in a temp folder)', () =>
    startLocalRegistry({ storageDir: join(base, 'registry'), localOnly: [PUBLIC_CANARY] }),
  )
  try {
    await step(
      'our names are local-only (not proxied); third-party ones come through the uplink',
      async () => {
        for (const name of [...PUBLISHED_PACKAGES, PUBLIC_CANARY]) {
          const response = await fetch(`${registry.url}${name}`)
          if (response.status !== 404) throw new Error(`${name}: ${response.status}, expected 404`)
        }
        // Third-party packages come through the uplink; without it every install fails obscurely.
        const nanoevents = await fetch(`${registry.url}nanoevents`).then((r) =>
          r.ok ? r.json() : {},
        )
        if (!nanoevents.versions?.['9.1.0']) {
          throw new Error(
            'Verdaccio cannot reach the public registry through its uplink (nanoevents)',
          )
        }
      },
    )
    const published = await step('publish every package', () => publishPackages(registry.url))
    for (const { name, version, files } of published) {
      console.log(`# ${name}@${version}: ${files.join(', ')}`)
      if (files.some((file) => /(^|\/)(test|tests|__tests__)\//.test(file))) {
        throw new Error(`${name} publishes its tests`)
      }
      for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md']) {
        if (!files.includes(file)) throw new Error(`${name} does not publish its ${file}`)
      }
    }
    await step('install them in an empty folder from that registry alone', async () => {
      const { mkdirSync } = await import('node:fs')
      mkdirSync(app)
      writeFileSync(
        join(app, 'package.json'),
        `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`,
      )
      const specs = [
        ...published.map(({ name, version }) => `${name}@${version}`),
        ...CONSUMER_EXTRAS,
      ]
      await run(
        'npm',
        ['install', '--userconfig', registry.npmrc, '--no-audit', '--no-fund', ...specs],
        { cwd: app },
      )
      const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8'))
      for (const [path, entry] of Object.entries(lock.packages)) {
        if (entry.resolved && !entry.resolved.startsWith(registry.url)) {
          throw new Error(`${path} came from ${entry.resolved}, not the local registry`)
        }
      }
    })
    const entries = await step('import every entry (no DOM: quiltt-embed imports quietly)', () =>
      importEveryEntry(app),
    )
    console.log(`# entries: ${entries.join(', ')}`)
    await step('npx quiltt-sandbox --help', async () => {
      const { stdout } = await run('npx', ['--no-install', 'quiltt-sandbox', '--help'], {
        cwd: app,
      })
      if (!stdout.startsWith('Usage: quiltt-sandbox')) throw new Error(`unexpected help: ${stdout}`)
    })
    await step(
      'type-check consumers: strict, exactOptionalPropertyTypes, no skipLibCheck',
      async () => {
        for (const file of [
          'browser.ts',
          'server.ts',
          'tsconfig.browser.json',
          'tsconfig.server.json',
        ]) {
          copyFileSync(join(here, 'consumer', file), join(app, file))
        }
        await run(process.execPath, [tsc, '-p', 'tsconfig.browser.json'], { cwd: app })
        await run(process.execPath, [tsc, '-p', 'tsconfig.server.json'], { cwd: app })
      },
    )
  } finally {
    await registry.close()
    if (process.env.KEEP_REGISTRY_TEST) console.log(`# kept ${base}`)
    else rmSync(base, { recursive: true, force: true })
  }
  const total = timings.reduce((sum, [, ms]) => sum + ms, 0)
  console.log(`# registry test: ${timings.length} steps in ${(total / 1000).toFixed(1)} s`)
  console.log(`${timings.length} passed, 0 failed`)
}

main().catch((error) => {
  console.error(`registry test failed: ${error.message}`)
  process.exit(1)
})
