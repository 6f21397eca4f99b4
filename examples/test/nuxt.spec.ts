// examples/nuxt: QuilttButton from quiltt-embed-vue, an h3 endpoint on quiltt-session, and the
// secret guard's Nuxt module (client build, .output/public and runtimeConfig.public).
import { expect, test } from '@playwright/test'
import { expectLeakRefused } from './support/leak'
import { cleanEnv, run } from './support/run'
import { exampleSuite } from './support/suite'

const suite = exampleSuite('nuxt', {
  env: (settings) => ({
    NUXT_PUBLIC_QUILTT_CONNECTOR_ID: settings.QUILTT_CONNECTOR_ID!,
    NUXT_PUBLIC_QUILTT_CONNECTOR_URL: settings.QUILTT_CONNECTOR_URL!,
  }),
})

test('a secret in runtimeConfig.public fails nuxt build', async () => {
  const { dir, sandbox } = suite()
  const secret = sandbox.apiKeySecret
  const output = await expectLeakRefused(
    dir,
    secret,
    {
      // The mistake: a server value put under `public`, which Nuxt renders into every page.
      'nuxt.config.ts': (config) =>
        config.replace(
          "quilttConnectorUrl: ''",
          'quilttConnectorUrl: process.env.QUILTT_API_KEY_SECRET',
        ),
    },
    ['build'],
    { QUILTT_API_KEY_SECRET: secret },
  )
  expect(output).toContain('runtimeConfig.public')
})

test('a NUXT_PUBLIC_ variable holding the secret stops the built server at start', async () => {
  const { dir, sandbox } = suite()
  const secret = sandbox.apiKeySecret
  const env = cleanEnv({
    PORT: '0',
    QUILTT_API_KEY_SECRET: secret,
    NUXT_PUBLIC_QUILTT_CONNECTOR_URL: secret,
  })
  const started = await run('node', ['.output/server/index.mjs'], {
    cwd: dir,
    env,
    timeout: 60_000,
  })
  expect(started.timedOut, `the server kept running:\n${started.output}`).toBe(false)
  expect(started.code, started.output).not.toBe(0)
  expect(started.output).toContain('runtimeConfig.public')
  expect(started.output).not.toContain(secret)
})
