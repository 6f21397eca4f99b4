// examples/express: Express + the script tag, with its session endpoint on quiltt-session + Redis.
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { cleanEnv, run } from './support/run'
import { exampleSuite } from './support/suite'

const suite = exampleSuite('express', { redis: true })

test('a secret in a file the browser receives fails the scan, which never prints it', async () => {
  const { dir, sandbox } = suite()
  const secret = sandbox.apiKeySecret
  const env = cleanEnv({ QUILTT_API_KEY_SECRET: secret })
  const clean = await run('npm', ['run', 'check'], { cwd: dir, env })
  expect(clean.code, clean.output).toBe(0)
  const leak = join(dir, 'public', 'leak.js')
  await writeFile(leak, `window.key = ${JSON.stringify(secret)}\n`)
  const leaked = await run('npm', ['run', 'check'], { cwd: dir, env }).finally(() => rm(leak))
  expect(leaked.code, leaked.output).toBe(1)
  expect(leaked.output).toContain('leak.js')
  expect(leaked.output).not.toContain(secret)
})
