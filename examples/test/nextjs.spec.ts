// examples/nextjs: a Server Component page renders QuilttButton; the route handler is
// sessions.handler({ user }) on quiltt-session + Redis; built with no secret and no Redis, served
// by `next start -H 0.0.0.0` (so request.url names 0.0.0.0, not the host the browser used).
import { expect, test } from '@playwright/test'
import { expectLeakRefused } from './support/leak'
import { exampleSuite } from './support/suite'

const suite = exampleSuite('nextjs', { redis: true })

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
