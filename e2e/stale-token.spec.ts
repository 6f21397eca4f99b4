// Short-lived session tokens from the sandbox (45 s, inside the SDK's 60 s staleness window):
// the SDK must not open the Connector with the first stale token it gets without asking again,
// and must still open with a token that is stale but unexpired rather than fail.
import { expect, test } from './fixtures'

test.use({ demoOptions: { sandbox: { tokenTtlSeconds: 45 } } })

type StaleWindow = Window & {
  QuilttEmbed: {
    createConnector(options: Record<string, unknown>): { open(): Promise<void>; destroy(): void }
  }
  __providerCalls: number
}

test('a stale provider token is asked for again before the Connector opens', async ({
  page,
  stats,
}) => {
  await page.goto('/strict.html')
  await expect(page.getByRole('button', { name: 'Connect (iframe transport)' })).toBeEnabled()
  const before = await stats()

  const outcome = await page.evaluate(async () => {
    const config = await (await fetch('/api/config')).json()
    const w = window as unknown as StaleWindow
    w.__providerCalls = 0
    const connector = w.QuilttEmbed.createConnector({
      ...config,
      connectorId: 'stale-token',
      container: document.body,
      token: async () => {
        w.__providerCalls += 1
        return (await (await fetch('/api/quiltt/session', { method: 'POST' })).json()).token
      },
    })
    try {
      await connector.open()
      return 'loaded'
    } catch (error) {
      return `rejected: ${(error as { code?: string }).code}`
    } finally {
      connector.destroy()
    }
  })

  expect(outcome).toBe('loaded')
  // One call gave a stale token, so the provider was asked once more (and no more).
  expect(await page.evaluate(() => (window as unknown as StaleWindow).__providerCalls)).toBe(2)
  // quiltt-session keeps a token for half its life (22 s here), so the second call was answered
  // from its cache: one Auth API call, and the SDK opened with that stale but unexpired token.
  expect((await stats()).sessionsIssued - before.sessionsIssued).toBe(1)
})
