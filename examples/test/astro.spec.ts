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

// Astro inlines a small script without imports into the page's HTML; in an on-demand page the
// server bundle renders it (its manifest's `inlinedScripts`), so the guard's Vite plugin must see
// the chunk before Astro takes it out of the client bundle.
test('a secret in a small inlined page script fails astro build', async () => {
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
