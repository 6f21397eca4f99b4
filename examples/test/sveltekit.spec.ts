// examples/sveltekit: createConnector in +page.svelte, `export const POST = sessions.handler({ user })`
// in +server.ts (SvelteKit passes a RequestEvent), served by adapter-node.
import { expect, test } from '@playwright/test'
import { expectLeakRefused } from './support/leak'
import { exampleSuite } from './support/suite'

// adapter-node takes the request's protocol to be https unless told otherwise (ORIGIN, or
// PROTOCOL_HEADER), and SvelteKit's CSRF check then refuses the sign-in form posted over http.
// Here the browser plays the TLS-terminating proxy a production app sits behind, which is what
// lets one server answer at both http://localhost and http://127.0.0.1.
const suite = exampleSuite('sveltekit', {
  env: () => ({ PROTOCOL_HEADER: 'x-forwarded-proto' }),
  headers: { 'X-Forwarded-Proto': 'http' },
})

test('a secret in a PUBLIC_ variable that a page reads fails the build', async () => {
  const { dir, sandbox } = suite()
  const secret = sandbox.apiKeySecret
  const output = await expectLeakRefused(
    dir,
    secret,
    {
      '.env': `PUBLIC_QUILTT_KEY=${secret}\n`,
      'src/routes/leak/+page.svelte': `<script>\n  import { PUBLIC_QUILTT_KEY } from '$env/static/public'\n</script>\n<p>{PUBLIC_QUILTT_KEY}</p>\n`,
    },
    ['build'],
  )
  expect(output).toContain('build/client')
})
