// examples/astro: Astro's production build (`astro build`, node adapter, `npm start` runs the built
// server), createConnector with `{ url }` in a page script, `export const POST =
// sessions.handler({ user })` in an API route (Astro passes its APIContext), the secret guard's
// Vite plugin. Nothing loosens Astro's own origin check (no allowedDomains, no checkOrigin: false):
// the SDK's token request must pass it as it stands, at both hosts.
import { expect, test } from '@playwright/test'
import { expectLeakRefused } from './support/leak'
import { exampleSuite } from './support/suite'

const suite = exampleSuite('astro')

test('a secret in a PUBLIC_ variable that a page script reads fails astro build', async () => {
  const { dir, sandbox } = suite()
  const secret = sandbox.apiKeySecret
  const output = await expectLeakRefused(
    dir,
    secret,
    {
      // The classic mistake: the secret under a PUBLIC_ name, which Astro puts in client code.
      '.env.production.local': `PUBLIC_QUILTT_KEY=${secret}\n`,
      'src/pages/index.astro': (page) =>
        page.replace(
          "import { createConnector } from 'quiltt-embed'",
          "import { createConnector } from 'quiltt-embed'\nconsole.log(import.meta.env.PUBLIC_QUILTT_KEY)",
        ),
    },
    // Into its own folder: the server the other tests drive keeps serving dist/.
    ['build', '--', '--outDir', 'dist-leak'],
  )
  expect(output).toContain('quiltt-secret-guard')
  expect(output).toMatch(/QUILTT_API_KEY_SECRET|PUBLIC_QUILTT_KEY/)
})

// A known gap of the guard's Vite plugin, kept here so that it is seen: Astro inlines a small
// script without imports into the page's HTML. In an on-demand page that HTML is rendered by the
// server bundle (the script sits in its manifest's `inlinedScripts`), which the plugin skips as
// server code, so the secret reaches every browser and the build passes. Once the guard checks
// what Astro inlines, this test passes, Playwright reports it, and `test.fail` comes off.
test.fail('a secret in a small inlined page script fails astro build (known gap)', async () => {
  const { dir, sandbox } = suite()
  const secret = sandbox.apiKeySecret
  await expectLeakRefused(
    dir,
    secret,
    {
      '.env.production.local': `PUBLIC_QUILTT_KEY=${secret}\n`,
      'src/pages/leak.astro': `<p>leak</p>\n<script>\n  console.log(import.meta.env.PUBLIC_QUILTT_KEY)\n</script>\n`,
    },
    ['build', '--', '--outDir', 'dist-leak'],
  )
})
