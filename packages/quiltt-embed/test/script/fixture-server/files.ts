// The files the fixture server serves from disk: the scripts in ../fixtures/ (read per request,
// so edits need no restart) and the SDK's built script-tag bundle, with a check that the bundle
// is not older than the source it was built from.
import { readdir, readFile, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { JS, send } from './respond'

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url)
const sdkDir = new URL('../../../', import.meta.url)
const BUNDLE = new URL('dist/quiltt-embed.min.js', sdkDir)

/** Scripts served from /fixtures/{name}. */
const SCRIPTS = new Set([
  'connector.js',
  'puppet.js',
  'observe.js',
  'run-strict.js',
  'run-iife.js',
  'run-preload.js',
  'link-bank.js',
  'run-web-component.js',
])

/** The stand-in for Quiltt's connector.js. */
export const readConnectorScript = () => readFile(fixture('connector.js'))

/** Serves /fixtures/{name} when `name` is one of the fixture scripts, else 404. */
export async function sendFixtureScript(response: ServerResponse, name: string): Promise<void> {
  if (!SCRIPTS.has(name)) return send(response, 404, 'text/plain', 'no such fixture')
  return send(response, 200, JS, await readFile(fixture(name)))
}

/** Serves dist/quiltt-embed.min.js, or a 404 saying how to build it. */
export async function sendBundle(response: ServerResponse): Promise<void> {
  const body = await readFile(BUNDLE).catch(() => undefined)
  if (!body) return send(response, 404, 'text/plain', 'run `npx rollup -c` first')
  return send(response, 200, JS, body)
}

/** Is dist/quiltt-embed.min.js at least as new as every file in src/? */
export async function bundleStatus(): Promise<{ ok: boolean; reason?: string }> {
  const built = await stat(BUNDLE).catch(() => undefined)
  if (!built)
    return { ok: false, reason: 'dist/quiltt-embed.min.js is missing: run `npx rollup -c`' }
  const src = new URL('src/', sdkDir)
  for (const name of await readdir(src)) {
    const { mtimeMs } = await stat(new URL(name, src))
    if (mtimeMs > built.mtimeMs) {
      return {
        ok: false,
        reason: `dist/quiltt-embed.min.js is older than src/${name}: run \`npx rollup -c\``,
      }
    }
  }
  return { ok: true }
}
