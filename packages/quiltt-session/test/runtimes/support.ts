// One runtime's server, started from the installed copy (global-setup.ts) against a sandbox, and
// the checks every runtime must pass: a signed-in user gets a token Quiltt accepts, with the
// SDK's request (`{}` as JSON) and with a bare POST, and no user gets a 401.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startSandbox } from 'quiltt-sandbox'
import { freePort } from '../../../../examples/test/support/ports'
import { cleanEnv } from '../../../../examples/test/support/run'

export const runtimesDir = () => {
  const dir = process.env.QUILTT_RUNTIMES_DIR
  if (!dir) throw new Error('QUILTT_RUNTIMES_DIR is unset: run through playwright.config.ts')
  return dir
}

export interface RuntimeServer {
  origin: string
  /** Everything the runtime printed, for a failure's report. */
  output(): string
  stop(): Promise<void>
}

export interface RuntimeSpec {
  /** The command, relative to the installed copy (its node_modules/.bin) and its arguments. */
  command: (port: number) => { bin: string; args: string[]; cwd: string }
  /** The Quiltt settings go in the environment, or in a file the runtime reads (.dev.vars). */
  settingsFile?: string
}

/** Starts the runtime and waits until it answers `GET /`. */
export async function startRuntime(
  spec: RuntimeSpec,
  settings: Record<string, string>,
): Promise<RuntimeServer> {
  const dir = runtimesDir()
  const port = await freePort()
  const { bin, args, cwd } = spec.command(port)
  if (spec.settingsFile) {
    const lines = Object.entries(settings).map(
      ([name, value]) => `${name}=${JSON.stringify(value)}`,
    )
    await writeFile(join(dir, spec.settingsFile), `${lines.join('\n')}\n`)
  }
  const child = spawn(join(dir, 'node_modules/.bin', bin), args, {
    cwd: join(dir, cwd),
    env: cleanEnv({
      PORT: String(port),
      WRANGLER_SEND_METRICS: 'false',
      // Offline: no fetch of Cloudflare's `request.cf` sample, a placeholder is used.
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      ...(spec.settingsFile ? {} : settings),
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const exited = once(child, 'exit')
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    process.kill(-(child.pid ?? 0), 'SIGTERM')
    await exited
  }
  const origin = `http://127.0.0.1:${port}`
  try {
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`${bin} exited:\n${output}`)
          return fetch(`${origin}/`).then(
            (response) => response.status,
            () => 0,
          )
        },
        { timeout: 90_000, message: `${bin} answers on port ${port}` },
      )
      .toBe(200)
  } catch (error) {
    await stop()
    throw error
  }
  return { origin, output: () => output, stop }
}

/** The sign-in cookie of a new user, as the browser would keep it. */
export async function signIn(origin: string): Promise<string> {
  const response = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    headers: { origin },
    redirect: 'manual',
  })
  expect(response.status).toBe(303)
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  expect(cookie).toMatch(/^example_user=/)
  return cookie as string
}

/** The two shapes a token request takes: the SDK's, and a bare POST (curl, older SDKs). */
export const REQUEST_SHAPES = {
  'the SDK’s request ({} as JSON)': { 'content-type': 'application/json', body: '{}' },
  'a POST with no body and no type': {},
} as const satisfies Record<string, { 'content-type'?: string; body?: string }>

/** POST /api/quiltt/session from the app's own page. */
export function askForToken(
  origin: string,
  cookie: string | undefined,
  shape: { 'content-type'?: string; body?: string } = {},
) {
  const { body, ...type } = shape
  return fetch(`${origin}/api/quiltt/session`, {
    method: 'POST',
    headers: { origin, ...(cookie ? { cookie } : {}), ...type },
    body,
  })
}

/**
 * Declares the tests every runtime passes; returns the context for the spec's own tests.
 */
export function runtimeSuite(name: string, spec: RuntimeSpec) {
  const context = {} as {
    sandbox: Awaited<ReturnType<typeof startSandbox>>
    server: RuntimeServer
  }
  test.describe.configure({ mode: 'serial' })

  test.beforeAll(async () => {
    context.sandbox = await startSandbox()
    context.server = await startRuntime(spec, {
      QUILTT_API_KEY_SECRET: context.sandbox.apiKeySecret,
      QUILTT_AUTH_URL: context.sandbox.authUrl,
      QUILTT_CONNECTOR_ID: `${name.toLowerCase()}-runtime`,
      QUILTT_CONNECTOR_URL: context.sandbox.connectorUrl,
    })
  })

  test.afterAll(async () => {
    await context.server?.stop()
    await context.sandbox?.close()
  })

  test.afterEach(async () => {
    const testInfo = test.info()
    if (testInfo.status !== testInfo.expectedStatus && context.server) {
      await testInfo.attach(`${name} output`, { body: context.server.output() })
      console.log(`--- ${name} output ---\n${context.server.output()}`)
    }
  })

  test(`${name}: a signed-in user gets a session token Quiltt accepts, whatever the POST's shape`, async () => {
    const { origin } = context.server
    const cookie = await signIn(origin)
    const tokens: string[] = []
    for (const [shape, request] of Object.entries(REQUEST_SHAPES)) {
      const response = await askForToken(origin, cookie, request)
      const body = await response.json()
      expect(response.status, `${shape}: ${JSON.stringify(body)}`).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(body).toEqual({ token: expect.any(String), expiresAt: expect.any(String) })
      tokens.push(body.token)
    }
    // The second request is served from the isolate's memoryStore: Quiltt was asked once.
    expect(tokens[1]).toBe(tokens[0])
    const check = await fetch(`${context.sandbox.authUrl}/v1/users/session`, {
      headers: { authorization: `Bearer ${tokens[0]}` },
    })
    expect(check.status).toBe(200)
  })

  test(`${name}: no signed-in user is a 401, another site a 403`, async () => {
    const { origin } = context.server
    expect((await askForToken(origin, undefined)).status).toBe(401)
    const crossSite = await fetch(`${origin}/api/quiltt/session`, {
      method: 'POST',
      headers: { origin: 'http://attacker.localhost', cookie: await signIn(origin) },
    })
    expect(crossSite.status).toBe(403)
  })

  return () => context
}
