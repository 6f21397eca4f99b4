// examples/vite-react: useQuilttConnector (modal) and QuilttContainer (inline), built by Vite with
// the secret guard's plugin, served with its session endpoint by Express.
import { expect, test } from '@playwright/test'
import { connectSandboxBank, consoleErrors, inlineConnector } from './support/connector'
import { expectLeakRefused } from './support/leak'
import { connections, exampleSuite, signIn } from './support/suite'

const suite = exampleSuite('vite-react')

test('QuilttContainer connects a bank inline', async ({ page }) => {
  const errors = consoleErrors(page)
  await signIn(page, `http://127.0.0.1:${suite().app.port}`)
  await page.getByRole('button', { name: 'Connect here, inline' }).click()
  await connectSandboxBank(inlineConnector(page.getByLabel('Bank connection')))
  await expect(connections(page)).toHaveText([/^Connected: \S+$/])
  expect(errors).toEqual([])
})

test('a secret that reaches the bundle through import.meta.env fails vite build', async () => {
  const { dir, sandbox } = suite()
  const secret = sandbox.apiKeySecret
  const output = await expectLeakRefused(
    dir,
    secret,
    {
      // The classic mistake: the secret under a VITE_ name, read by client code.
      '.env.production.local': `VITE_QUILTT_KEY=${secret}\n`,
      'src/leak.js': 'export const key = import.meta.env.VITE_QUILTT_KEY\n',
      'src/main.jsx': (main) => `import { key } from './leak.js'\nconsole.log(key)\n${main}`,
    },
    ['build', '--', '--outDir', 'dist-leak'],
  )
  expect(output).toContain('quiltt-secret-guard')
  expect(output).toMatch(/QUILTT_API_KEY_SECRET|VITE_QUILTT_KEY/)
})
