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
      'src/pages/leak.astro': `<p>leak</p>\n<script>\n  console.log(import.meta.env.PUBLIC_QUILTT_KEY)\n</script>\n`,
    },
    // Into its own folder: the server the other tests drive keeps serving dist/.
    ['build', '--', '--outDir', 'dist-leak'],
  )
  expect(output).toContain('quiltt-secret-guard')
  expect(output).toMatch(/QUILTT_API_KEY_SECRET|PUBLIC_QUILTT_KEY/)
})
