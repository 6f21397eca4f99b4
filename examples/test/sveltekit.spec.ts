// examples/sveltekit: createConnector in +page.svelte, `export const POST = sessions.handler({ user })`
// in +server.ts (SvelteKit passes a RequestEvent), served by adapter-node.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { expectLeakRefused } from './support/leak'
import { exampleSuite } from './support/suite'

const suite = exampleSuite('sveltekit')

test('a secret in a PUBLIC_ variable that a page reads fails the build', async () => {
  const { dir, sandbox } = suite()
  const secret = sandbox.apiKeySecret
  await mkdir(join(dir, 'src/routes/leak'), { recursive: true })
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
