// examples/nextjs: a Server Component page renders QuilttButton; the route handler is
// sessions.handler({ user }) on quiltt-session + Redis; built with no secret and no Redis, served
// by `next start -H 0.0.0.0` (so request.url names 0.0.0.0, not the host the browser used).
// /edge takes its tokens from a route on the Edge runtime (`export const runtime = 'edge'`), built
// by the same `next build`.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { consoleErrors } from './support/connector'
import { expectLeakRefused } from './support/leak'
import { connectInModal, exampleSuite, signIn } from './support/suite'

const suite = exampleSuite('nextjs', { redis: true })

test('a page whose token comes from an Edge runtime route connects a bank', async ({ page }) => {
  const { dir, app } = suite()
  // Built for the Edge runtime, not Node: Next lists the route among its edge functions.
  const manifest = JSON.parse(
    await readFile(join(dir, '.next/server/middleware-manifest.json'), 'utf8'),
  )
  expect(Object.keys(manifest.functions)).toContain('/api/quiltt/edge-session/route')
  const errors = consoleErrors(page)
  await signIn(page, `http://localhost:${app.port}`)
  await page.goto(`http://localhost:${app.port}/edge`)
  await page.waitForLoadState('networkidle')
  const tokenRequest = page.waitForResponse('**/api/quiltt/edge-session')
  await connectInModal(page)
  expect((await tokenRequest).status()).toBe(200)
  expect(errors).toEqual([])
})

test('a secret in a NEXT_PUBLIC_ variable that a client component reads fails the build', async () => {
  const { dir, sandbox } = suite()
  const secret = sandbox.apiKeySecret
  const output = await expectLeakRefused(
    dir,
    secret,
    {
      '.env.production.local': `NEXT_PUBLIC_QUILTT_KEY=${secret}\n`,
      'app/leak/page.tsx': `'use client'\nexport default function Leak() {\n  return <p>{process.env.NEXT_PUBLIC_QUILTT_KEY}</p>\n}\n`,
    },
    ['build'],
  )
  expect(output).toContain('.next/')
})
