// Shared fixtures: one demo server (with its in-process sandbox) per worker, on random ports.
// Spec files import this module, never demo/start.mjs, so no listener is started twice.
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test'
import { startDemo } from '../demo/server.mjs'

export type Demo = Awaited<ReturnType<typeof startDemo>>
export type DemoOptions = NonNullable<Parameters<typeof startDemo>[0]>

export interface SandboxStats {
  sessionsIssued: number
  sessionsRevoked: number
  scriptRequests: number
  connectorPageRequests: number
  /** What each request said about its caller (SPEC §4.4), oldest first; null for nothing. */
  agents: {
    connectorPages: (string | null)[]
    scripts: (string | null)[]
    authApi: (string | null)[]
  }
}

interface WorkerFixtures {
  /** Options for `startDemo` (e.g. `{ sandbox: { rateLimit } }`); a file sets them with `test.use`. */
  demoOptions: DemoOptions
  demo: Demo
  /** The in-process sandbox behind the demo (always present: tests never set Quiltt credentials). */
  sandbox: NonNullable<Demo['sandbox']>
}

/**
 * Signs a browser context (or a page's context) in to the demo as `name`, as the home page's
 * form does: `POST /api/signin` sets the signed httpOnly `quiltt_demo_user` cookie in the
 * context's cookie jar. `demoUrl` defaults to the page's current origin.
 */
export async function signIn(
  target: Page | BrowserContext,
  name: string,
  demoUrl?: string,
): Promise<void> {
  const page = 'goto' in target ? target : undefined
  const context = page ? page.context() : (target as BrowserContext)
  const origin = new URL(demoUrl ?? page?.url() ?? '').origin
  const response = await context.request.post(`${origin}/api/signin`, {
    headers: { origin },
    data: { name },
  })
  expect(response.status(), 'POST /api/signin').toBe(200)
}

let testsSignedIn = 0

interface TestFixtures {
  /**
   * The name every test's browser context is signed in as, before the test starts: unique per
   * test, so each test has its own Quiltt Profile. A file sets `test.use({ signInAs: null })` to
   * start signed out, or a name to sign in as.
   */
  signInAs: string | null | undefined
  /** The name the context was signed in as (null: signed out). */
  signedInAs: string | null
  stats: () => Promise<SandboxStats>
  /**
   * Automatic: fails the test on any uncaught page error or CSP violation, in any page or frame.
   * A file that provokes them on purpose sets `test.use({ failOnPageProblems: false })`.
   */
  pageProblems: string[]
  failOnPageProblems: boolean
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  demoOptions: [{}, { scope: 'worker', option: true }],
  demo: [
    async ({ demoOptions }, use) => {
      // An empty env: the tests always run against the sandbox, whatever the shell exports.
      const demo = await startDemo({ port: 0, env: {}, ...demoOptions })
      await use(demo)
      await demo.close()
    },
    { scope: 'worker' },
  ],
  sandbox: [
    async ({ demo }, use) => {
      if (!demo.sandbox) throw new Error('The e2e demo must run in sandbox mode')
      await use(demo.sandbox)
    },
    { scope: 'worker' },
  ],
  signInAs: [undefined, { option: true }],
  signedInAs: [
    async ({ context, demo, signInAs }, use) => {
      // Unique per test within the worker's demo, so each test has its own Quiltt Profile.
      testsSignedIn += 1
      const name = signInAs === undefined ? `E2E user ${testsSignedIn}` : signInAs
      if (name !== null) await signIn(context, name, demo.url)
      await use(name)
    },
    { auto: true },
  ],
  failOnPageProblems: [true, { option: true }],
  pageProblems: [
    async ({ context, failOnPageProblems }, use) => {
      const problems: string[] = []
      context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`))
      context.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) {
          problems.push(`CSP: ${message.text()}`)
        }
      })
      await use(problems)
      if (failOnPageProblems) expect(problems).toEqual([])
    },
    { auto: true },
  ],
  baseURL: async ({ demo }, use) => {
    await use(demo.url)
  },
  /** Reads the sandbox's counters through its control API (Node side, so 127.0.0.1). */
  stats: async ({ sandbox }, use) => {
    await use(async () => {
      const response = await fetch(`${sandbox.authUrl}/__sandbox/stats`, {
        headers: { authorization: `Bearer ${sandbox.apiKeySecret}` },
      })
      expect(response.status).toBe(200)
      return (await response.json()) as SandboxStats
    })
  },
})

export { expect }
