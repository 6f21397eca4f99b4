// examples/express: Express + the script tag, with its session endpoint on quiltt-session + Redis.
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { startSandbox } from 'quiltt-sandbox'
import { type AppServer, startApp } from './support/app-server'
import { connectSandboxBank, consoleErrors, modalConnector } from './support/connector'
import { exampleDir, selectedExamples } from './support/examples'
import { type Redis, startRedis } from './support/redis'
import { cleanEnv, run } from './support/run'

const connectorId = 'express-example'
const dir = () => exampleDir('express')
let sandbox: Awaited<ReturnType<typeof startSandbox>>
let redis: Redis
let app: AppServer

test.skip(!selectedExamples().includes('express'), 'not in EXAMPLES')
test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  sandbox = await startSandbox()
  redis = await startRedis()
  app = await startApp(dir(), {
    QUILTT_API_KEY_SECRET: sandbox.apiKeySecret,
    QUILTT_AUTH_URL: sandbox.authUrl,
    QUILTT_CONNECTOR_ID: connectorId,
    QUILTT_CONNECTOR_URL: sandbox.connectorUrl,
    REDIS_URL: redis.url,
  })
})

test.afterAll(async () => {
  await app?.stop()
  await redis?.stop()
  await sandbox?.close()
})

async function signIn(page: Page, origin: string) {
  await page.goto(origin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Connect your bank' })).toBeVisible()
}

async function connect(page: Page) {
  await page.getByRole('button', { name: 'Connect your bank' }).click()
  await connectSandboxBank(modalConnector(page))
  await expect(page.getByRole('status')).toHaveText(/^Connected: \S+/)
}

for (const host of ['localhost', '127.0.0.1']) {
  test(`a signed-in user connects a bank at http://${host}:PORT`, async ({ page }) => {
    const errors = consoleErrors(page)
    await signIn(page, `http://${host}:${app.port}`)
    await connect(page)
    expect(errors).toEqual([])
  })
}

test('with Redis down the click logs the status and code; once Redis is back it connects', async ({
  page,
}) => {
  const errors = consoleErrors(page)
  await signIn(page, `http://localhost:${app.port}`)
  await redis.stop()
  try {
    await page.getByRole('button', { name: 'Connect your bank' }).click()
    await expect
      .poll(() => errors, { message: 'a console.error naming the status and code' })
      .toContainEqual(
        expect.stringMatching(/^\[quiltt-embed\] TOKEN_PROVIDER_FAILED: .*503 \(STORE_FAILED\)/),
      )
  } finally {
    await redis.start()
  }
  await connect(page)
})

test('a secret in a file the browser receives fails the scan, which never prints it', async () => {
  const secret = sandbox.apiKeySecret
  const env = cleanEnv({ QUILTT_API_KEY_SECRET: secret })
  const clean = await run('npm', ['run', 'check'], { cwd: dir(), env })
  expect(clean.code, clean.output).toBe(0)
  const leak = join(dir(), 'public', 'leak.js')
  await writeFile(leak, `window.key = ${JSON.stringify(secret)}\n`)
  const leaked = await run('npm', ['run', 'check'], { cwd: dir(), env }).finally(() => rm(leak))
  expect(leaked.code, leaked.output).toBe(1)
  expect(leaked.output).toContain('leak.js')
  expect(leaked.output).not.toContain(secret)
})
