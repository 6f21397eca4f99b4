// @ts-check
import { execFile, spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE = fileURLToPath(new URL('..', import.meta.url))
const FIXTURE = fileURLToPath(new URL('./fixtures/nuxt-app/', import.meta.url))

/**
 * A Nuxt 4 app in a temp folder outside the repo (inside it, Node would resolve missing
 * modules from the repo's node_modules), with Nuxt from the fixture's lockfile and this
 * package installed as published: its `files` (package.json, src, README.md), nothing else.
 * Copied in rather than installed, it brings no dependencies: the fixture's package.json
 * lists this package's own (dotenv, dotenv-expand) at the same exact versions.
 *
 * @returns {Promise<string>} the app's folder
 */
export async function createNuxtApp() {
  const manifest = async (/** @type {string} */ folder) =>
    JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')).dependencies ?? {}
  const [ours, fixture] = await Promise.all([manifest(PACKAGE), manifest(FIXTURE)])
  for (const [name, version] of Object.entries(ours)) {
    if (fixture[name] !== version) {
      throw new Error(
        `test/fixtures/nuxt-app must depend on ${name} ${version}, as quiltt-secret-guard does (npm install --package-lock-only there).`,
      )
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'quiltt-secret-guard-nuxt-'))
  await cp(FIXTURE, dir, { recursive: true })
  const install = await run(dir, 'npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {})
  if (install.code !== 0) throw new Error(`npm ci of the Nuxt fixture failed:\n${install.output}`)
  const installed = join(dir, 'node_modules/quiltt-secret-guard')
  for (const file of ['package.json', 'src', 'README.md']) {
    await cp(join(PACKAGE, file), join(installed, file), { recursive: true })
  }
  return dir
}

/**
 * Replaces the app's source files (nuxt.config.ts, .env, app/, server/, public/) with `files`.
 * @param {string} dir
 * @param {Record<string, string>} files
 */
export async function writeApp(dir, files) {
  for (const sub of ['app', 'server', 'public', '.output', '.nuxt', '.env', 'nuxt.config.ts']) {
    await rm(join(dir, sub), { recursive: true, force: true })
  }
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true })
    await writeFile(join(dir, name), text)
  }
}

/**
 * `nuxt build`, with only PATH, HOME and `env` in its environment.
 * @param {string} dir
 * @param {Record<string, string>} env
 */
export function nuxtBuild(dir, env) {
  return run(dir, process.execPath, [join(dir, 'node_modules/nuxt/bin/nuxt.mjs'), 'build'], {
    NUXT_TELEMETRY_DISABLED: '1',
    ...env,
  })
}

/**
 * Starts the built server; resolves when it listens or exits, whichever comes first.
 * @param {string} dir
 * @param {Record<string, string>} env
 * @returns {Promise<{ listening: boolean, code: number | null, output: string, stop: () => void }>}
 */
export function startServer(dir, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, '.output/server/index.mjs')], {
      cwd: dir,
      env: baseEnv({ HOST: '127.0.0.1', PORT: '0', ...env }),
    })
    let output = ''
    const stop = () => child.kill()
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk
      if (/Listening on/.test(output)) resolve({ listening: true, code: null, output, stop })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => resolve({ listening: false, code, output, stop }))
  })
}

/** @param {Record<string, string>} env */
function baseEnv(env) {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }
}

/**
 * @param {string} cwd
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @returns {Promise<{ code: number, output: string }>}
 */
function run(cwd, command, args, env) {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: baseEnv(env), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? Number(/** @type {{ code?: unknown }} */ (error).code ?? 1) : 0
        resolve({ code, output: stdout + stderr })
      },
    )
  })
}
