// A real npm registry on loopback (Verdaccio), for installing our packages exactly as published.
// Our package names are local-only there: never proxied from the public registry, where they
// are unclaimed today (anyone could publish them); everything else comes through the uplink.
//
//   const registry = await startLocalRegistry({ storageDir })
//   await publishPackages(registry.url)
//   npm install --userconfig <registry.npmrc> quiltt-embed …   (or --registry <registry.url>)
//   await registry.close()
import { execFile, spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const verdaccioBin = join(root, 'node_modules/verdaccio/bin/verdaccio')
const run = promisify(execFile)

/** The packages we publish, in the order a reader expects; every one is local-only. */
export const PUBLISHED_PACKAGES = [
  'quiltt-embed',
  'quiltt-embed-react',
  'quiltt-embed-vue',
  'quiltt-session',
  'quiltt-secret-guard',
  'quiltt-sandbox',
]

const READY_TIMEOUT_MS = 60_000

/** url → npmrc of each registry this process started, so publishPackages(url) needs nothing more. */
const started = new Map()

/** A free loopback port (the OS picks it; we release it for Verdaccio at once). */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
      server.close(() => resolvePort(port))
    })
  })
}

/** One setting of this machine's npm config (`undefined` when unset). */
async function npmConfig(key) {
  const { stdout } = await run('npm', ['config', 'get', key])
  const value = stdout.trim()
  return value && value !== 'null' && value !== 'undefined' ? value : undefined
}

/**
 * How this machine's npm reaches the public registry, for Verdaccio's uplink: the registry URL,
 * and the CA file and proxy npm is configured with (a machine behind a TLS-inspecting proxy
 * sets `cafile` for npm; Node, which runs Verdaccio, reads it only from NODE_EXTRA_CA_CERTS).
 */
async function upstream() {
  const [registry, cafile, proxy] = await Promise.all(
    ['registry', 'cafile', 'https-proxy'].map(npmConfig),
  )
  return { url: registry ?? 'https://registry.npmjs.org/', cafile, proxy }
}

/** @param {string} storageDir @param {{ url: string, proxy?: string }} uplink @param {string[]} localOnly */
function verdaccioConfig(storageDir, uplink, localOnly) {
  // JSON is valid YAML, so no YAML writer is needed. `proxy` is absent for our names: Verdaccio
  // then answers 404 for them rather than fetching them from the uplink.
  const ours = { access: '$all', publish: '$authenticated', unpublish: '$authenticated' }
  const names = [...PUBLISHED_PACKAGES, ...localOnly]
  const packages = Object.fromEntries(names.map((name) => [name, ours]))
  packages['**'] = { access: '$all', publish: '$authenticated', proxy: 'upstream' }
  return JSON.stringify({
    storage: join(storageDir, 'storage'),
    auth: { htpasswd: { file: join(storageDir, 'htpasswd'), max_users: 10 } },
    uplinks: { upstream: { url: uplink.url, timeout: '60s', maxage: '30m' } },
    ...(uplink.proxy ? { https_proxy: uplink.proxy } : {}),
    packages,
    web: { enable: false },
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
    // Tarballs carry sourcemaps; Verdaccio's default body limit is close to what the SDK needs.
    max_body_size: '50mb',
  })
}

/** @param {string} url */
async function waitUntilUp(url, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited with code ${child.exitCode}`)
    try {
      const response = await fetch(`${url}-/ping`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((next) => setTimeout(next, 100))
  }
  throw new Error(`Verdaccio did not answer ${url}-/ping within ${READY_TIMEOUT_MS / 1000} s`)
}

/** Creates a throwaway user (Verdaccio's `npm adduser` endpoint) and returns its token. */
async function createUser(url) {
  const name = 'quiltt-release-test'
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password: `pw-${process.pid}-${Date.now()}`, type: 'user' }),
  })
  const body = await response.json()
  if (!response.ok || typeof body.token !== 'string') {
    throw new Error(`Verdaccio refused to create a user: ${response.status}`)
  }
  return body.token
}

/**
 * Starts Verdaccio on a free loopback port with its storage, password file, config and an
 * `.npmrc` inside `storageDir` (created if missing; the caller deletes it).
 *
 * @param {{ storageDir: string, localOnly?: string[] }} options `localOnly`: more names that,
 *   like ours, are never fetched from the public registry (tests use it to see that it holds)
 * @returns {Promise<{ url: string, npmrc: string, close(): Promise<void> }>} `url` ends with `/`;
 *   `npmrc` is a userconfig file that points npm at this registry alone, with a token that may
 *   publish: pass it as `npm --userconfig <npmrc>` (or set `NPM_CONFIG_USERCONFIG`).
 */
export async function startLocalRegistry({ storageDir, localOnly = [] }) {
  mkdirSync(storageDir, { recursive: true })
  const configPath = join(storageDir, 'config.yaml')
  const uplink = await upstream()
  writeFileSync(configPath, verdaccioConfig(storageDir, uplink, localOnly))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/`
  const child = spawn(
    process.execPath,
    [verdaccioBin, '--config', configPath, '--listen', `127.0.0.1:${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_NO_WARNINGS: '1',
        ...(uplink.cafile && !process.env.NODE_EXTRA_CA_CERTS
          ? { NODE_EXTRA_CA_CERTS: uplink.cafile }
          : {}),
      },
    },
  )
  let output = ''
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise((done) => child.once('exit', done))
  const close = async () => {
    started.delete(url)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  try {
    await waitUntilUp(url, child)
    const token = await createUser(url)
    const npmrc = join(storageDir, '.npmrc')
    const hostPath = url.replace(/^http:/, '')
    writeFileSync(npmrc, `registry=${url}\n${hostPath}:_authToken=${token}\n`)
    started.set(url, npmrc)
    return { url, npmrc, close }
  } catch (error) {
    await close()
    throw new Error(`${error.message}\nVerdaccio said:\n${output}`)
  }
}

/**
 * Publishes every package of this repo to the registry at `url` (which must be one that
 * `startLocalRegistry` started: it needs that registry's `.npmrc`). Build first (`npm run
 * build`): the SDK and bindings publish their `dist/`.
 *
 * @param {string} url
 * @param {{ npmrc?: string }} [options] defaults to the `.npmrc` of the last registry started
 * @returns {Promise<{ name: string, version: string, files: string[] }[]>} what each tarball holds
 */
export async function publishPackages(url, options = {}) {
  const npmrc = options.npmrc ?? started.get(url)
  if (!npmrc) throw new Error(`publishPackages: no registry started at ${url} in this process`)
  const published = []
  for (const name of PUBLISHED_PACKAGES) {
    const { stdout } = await run(
      'npm',
      [
        'publish',
        '--json',
        '--userconfig',
        npmrc,
        '--registry',
        url,
        '-w',
        name,
        '--tag',
        'latest',
      ],
      { cwd: root, maxBuffer: 16 * 1024 * 1024, env: withoutNpmConfig(process.env) },
    ).catch((error) => {
      throw new Error(`npm publish ${name} failed:\n${error.stderr || error.message}`)
    })
    // With -w, npm 11 keys the JSON by package name.
    // npm skips a `private` workspace with a warning and no JSON: that is a failure here.
    if (!stdout.trim()) throw new Error(`npm published nothing for ${name} (is it private?)`)
    const parsed = JSON.parse(stdout)
    const info = parsed[name] ?? parsed
    published.push({
      name: info.name,
      version: info.version,
      files: info.files.map((file) => file.path).sort(),
    })
  }
  return published
}

/** npm passes its own config to child processes as npm_config_*; a nested npm must not inherit them. */
export function withoutNpmConfig(env) {
  return Object.fromEntries(
    Object.entries(env).filter(
      ([key]) => !/^npm_config_/i.test(key) || /^npm_config_cache$/i.test(key),
    ),
  )
}
