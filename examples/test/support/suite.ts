// What every example must do, as one suite per app: a signed-in user connects a bank at
// http://localhost:PORT and at http://127.0.0.1:PORT; with Redis down (for the apps that use it)
// the click logs `[quiltt-embed] TOKEN_PROVIDER_FAILED: … 503 (STORE_FAILED)` and the app
// recovers once Redis is back. Each spec adds its app's secret-leak case.
import { readFile } from 'node:fs/promises'
import { expect, type Page, test } from '@playwright/test'
import { startSandbox } from 'quiltt-sandbox'
import { type AppServer, startApp } from './app-server'
import { connectSandboxBank, consoleErrors, modalConnector } from './connector'
import { buildFailure, type Example, exampleDir, selectedExamples } from './examples'
import { type Redis, startRedis } from './redis'

export interface SuiteContext {
  dir: string
  sandbox: Awaited<ReturnType<typeof startSandbox>>
  redis: Redis | undefined
  app: AppServer
}

export interface SuiteOptions {
  /** Also start a Redis and test the outage path. */
  redis?: boolean
  /** The server's environment beyond the Quiltt settings (e.g. Nuxt's NUXT_PUBLIC_* names). */
  env?: (settings: Record<string, string>) => Record<string, string>
  /** Headers the browser sends with every request (what a proxy in front of the app would add). */
  headers?: Record<string, string>
  /** How a signed-in user opens the Connector; default: a click on "Connect your bank". */
  openConnector?: (page: Page) => Promise<void>
  /**
   * The spec's tests do not depend on each other: after a failure the rest still run (Playwright
   * starts a new worker, which starts the app again). Default: serial, the rest skipped.
   */
  independent?: boolean
}

const clickConnect = (page: Page) => page.getByRole('button', { name: 'Connect your bank' }).click()

export const signIn = async (page: Page, origin: string) => {
  await page.goto(origin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Connect your bank' })).toBeVisible()
  // A server-rendered button is visible before the framework has hydrated it (or the script tag
  // has bound it), and a click then does nothing: wait until the page's scripts have all loaded.
  await page.waitForLoadState('networkidle')
}

export const connections = (page: Page) =>
  page.getByRole('list', { name: 'Connections' }).getByRole('listitem')

/** Opens the modal, goes through Sandbox Bank, and waits for the app to show one more connection. */
export async function connectInModal(page: Page, openConnector = clickConnect) {
  const before = await connections(page).count()
  await openConnector(page)
  await connectSandboxBank(modalConnector(page))
  await expect(connections(page)).toHaveCount(before + 1)
  await expect(connections(page).last()).toHaveText(/^Connected: \S+$/)
}

/**
 * Declares the common tests (in a describe block named after the example) and returns the
 * context, for the spec's own tests, which run after them against the same server.
 */
export function exampleSuite(example: Example, options: SuiteOptions = {}): () => SuiteContext {
  const context = {} as SuiteContext
  const connectorId = `${example}-example`

  test.skip(!selectedExamples().includes(example), 'not in EXAMPLES')
  if (!options.independent) test.describe.configure({ mode: 'serial' })
  if (options.headers) test.use({ extraHTTPHeaders: options.headers })
  test.describe(`examples/${example}`, () => commonTests(context, options))

  test.beforeAll(async () => {
    context.dir = exampleDir(example)
    const failedBuild = await readFile(buildFailure(example), 'utf8').catch(() => undefined)
    if (failedBuild !== undefined) throw new Error(`npm run build failed:\n${failedBuild}`)
    context.sandbox = await startSandbox()
    context.redis = options.redis ? await startRedis() : undefined
    const settings: Record<string, string> = {
      QUILTT_API_KEY_SECRET: context.sandbox.apiKeySecret,
      QUILTT_AUTH_URL: context.sandbox.authUrl,
      QUILTT_CONNECTOR_ID: connectorId,
      QUILTT_CONNECTOR_URL: context.sandbox.connectorUrl,
      ...(context.redis ? { REDIS_URL: context.redis.url } : {}),
    }
    context.app = await startApp(context.dir, { ...settings, ...options.env?.(settings) })
  })

  test.afterAll(async () => {
    await context.app?.stop()
    await context.redis?.stop()
    await context.sandbox?.close()
  })

  return () => context
}

function commonTests(context: SuiteContext, options: SuiteOptions) {
  for (const host of ['localhost', '127.0.0.1']) {
    test(`a signed-in user connects a bank at http://${host}:PORT`, async ({ page }) => {
      const errors = consoleErrors(page)
      await signIn(page, `http://${host}:${context.app.port}`)
      await connectInModal(page, options.openConnector)
      expect(errors).toEqual([])
    })
  }

  test('a sign-in form posted from another site is refused (login CSRF)', async ({ page }) => {
    const app = `http://localhost:${context.app.port}`
    const attacker = 'http://attacker.localhost/'
    await page.route(attacker, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form method="post" action="${app}/sign-in"><button>Win a prize</button></form>`,
      }),
    )
    await page.goto(attacker)
    const answer = page.waitForResponse(`${app}/sign-in`)
    await page.getByRole('button', { name: 'Win a prize' }).click()
    expect((await answer).status()).toBe(403)
    await page.goto(app)
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  })

  if (options.redis) {
    test('with Redis down the click logs the status and code; once Redis is back it connects', async ({
      page,
    }) => {
      const redis = context.redis!
      const errors = consoleErrors(page)
      await signIn(page, `http://localhost:${context.app.port}`)
      await redis.stop()
      try {
        await (options.openConnector ?? clickConnect)(page)
        await expect
          .poll(() => errors, { message: 'a console.error naming the status and code' })
          .toContainEqual(
            expect.stringMatching(
              /^\[quiltt-embed\] TOKEN_PROVIDER_FAILED: .*503 \(STORE_FAILED\)/,
            ),
          )
        // One line, and nothing that looks like a token.
        const logged = errors.filter((line) => line.startsWith('[quiltt-embed]'))
        expect(logged).toHaveLength(1)
        expect(logged[0]).not.toMatch(/eyJ/)
      } finally {
        await redis.start()
      }
      await connectInModal(page, options.openConnector)
    })
  }
}
