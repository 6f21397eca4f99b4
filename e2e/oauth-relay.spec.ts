// Bank OAuth in a webview embedding: with `appLauncherUrl` the Connector cannot open a popup, so it
// asks the host to open the bank (`navigate`), and the host relays the bank's return URL back
// with `handleOAuthCallback`. Driven through the SDK against the sandbox's OAuth Bank.
import { expect, test } from './fixtures'
import { chooseBank, clickToExit, shown } from './helpers'

const APP_LAUNCHER_URL = 'https://app.example/oauth/return'

type RelayWindow = Window & {
  QuilttEmbed: { createConnector(options: Record<string, unknown>): RelayConnector }
  __relay: { connector: RelayConnector; navigations: string[]; events: [string, unknown][] }
}
interface RelayConnector {
  open(): Promise<void>
  destroy(): void
  handleOAuthCallback(url: string): void
  on(event: string, listener: (...args: unknown[]) => void): () => void
}

test('navigate carries the bank URL, and handleOAuthCallback completes the flow', async ({
  page,
}) => {
  // The strict page allows every sandbox Connector origin in frame-src.
  await page.goto('/strict.html')
  await expect(page.getByRole('button', { name: 'Connect (iframe transport)' })).toBeEnabled()
  await page.evaluate(async (appLauncherUrl) => {
    const config = await (await fetch('/api/config')).json()
    const w = window as unknown as RelayWindow
    const connector = w.QuilttEmbed.createConnector({
      ...config,
      connectorId: 'oauth-relay',
      appLauncherUrl,
      token: async () =>
        (await (await fetch('/api/quiltt/session', { method: 'POST' })).json()).token,
    })
    w.__relay = { connector, navigations: [], events: [] }
    connector.on('navigate', (url) => w.__relay.navigations.push(url as string))
    connector.on('event', (type, metadata) => w.__relay.events.push([type as string, metadata]))
    await connector.open()
  }, APP_LAUNCHER_URL)

  const connector = page.frameLocator('iframe[title="Quiltt Connector"]')
  await shown(connector)
  await chooseBank(connector, 'OAuth Bank')
  await connector.getByRole('button', { name: 'Continue to OAuth Bank' }).click()
  await expect(connector.getByRole('heading', { name: 'Waiting for your bank…' })).toBeVisible()

  // The Connector asked the host to open the bank: an https URL that returns to our app.
  const navigations = () =>
    page.evaluate(() => (window as unknown as RelayWindow).__relay.navigations)
  await expect.poll(async () => (await navigations()).length).toBe(1)
  const bankUrl = new URL((await navigations())[0]!)
  expect(bankUrl.protocol).toBe('https:')
  expect(bankUrl.searchParams.get('redirect_uri')).toBe(APP_LAUNCHER_URL)
  const state = bankUrl.searchParams.get('state')
  expect(state).toBeTruthy()

  // The bank redirected back to the app, which hands the URL to the SDK.
  await page.evaluate(
    (url) => (window as unknown as RelayWindow).__relay.connector.handleOAuthCallback(url),
    `${APP_LAUNCHER_URL}?code=granted&state=${state}`,
  )
  await expect(connector.getByRole('heading', { name: 'Connected' })).toBeVisible()
  await clickToExit(connector, 'Done')

  const events = () => page.evaluate(() => (window as unknown as RelayWindow).__relay.events)
  await expect
    .poll(async () => (await events()).map(([type]) => type))
    .toEqual(['opened', 'loaded', 'exited.successful'])
  const [, metadata] = (await events())[2]!
  expect(metadata).toMatchObject({ connectorId: 'oauth-relay', connectionId: expect.any(String) })
})
