// quiltt-session on Cloudflare Workers: workerd through `wrangler dev` (local, offline), with a
// plain config (no alias, no nodejs_compat, no fetch wrapper) and the packed package. Then a
// browser connects a bank from the Worker's page, whose script tag asks the Worker for the token.
import { expect, test } from '@playwright/test'
import { connectSandboxBank, modalConnector } from '../../../../examples/test/support/connector'
import { runtimeSuite } from './support'

const suite = runtimeSuite('Workers', {
  command: (port) => ({
    bin: 'wrangler',
    args: ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', '0'],
    cwd: 'worker',
  }),
  // wrangler dev reads a Worker's secrets from .dev.vars.
  settingsFile: 'worker/.dev.vars',
})

test('Workers: the page’s script tag gets its token from the Worker, and a bank connects', async ({
  page,
}) => {
  const { origin } = suite().server
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.goto(origin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  const connect = page.getByRole('button', { name: 'Connect your bank' })
  await expect(connect).toBeVisible()
  // The script tag binds the button once its scripts have loaded.
  await page.waitForLoadState('networkidle')
  await connect.click()
  await connectSandboxBank(modalConnector(page))
  await expect(page.getByRole('list', { name: 'Connections' }).getByRole('listitem')).toHaveText([
    /^Connected: \S+$/,
  ])
  expect(errors).toEqual([])
})
