// Session tokens go only to Quiltt's hosts (SPEC §3.1, §4.4), on a page that is NOT on loopback:
// https://app.example.test, served by a Playwright route, as are Quiltt's hosts and a proxy host.
// The SDK's own tests run on a loopback page; here a production-like page must refuse a loopback
// Connector (software on the visitor's machine) and any host it was not told to trust, before any
// request, while Quiltt's own hosts, and a host listed in the script tag's data-trusted-hosts,
// work and hear who embeds them (agent=quiltt-embed/<version>). Nothing leaves the machine.
import { readFileSync } from 'node:fs'
import { expect, type Page, test } from '@playwright/test'

const sdkDist = new URL('../packages/quiltt-embed/dist/', import.meta.url)
const { version } = JSON.parse(
  readFileSync(new URL('../packages/quiltt-embed/package.json', import.meta.url), 'utf8'),
)
const pageOrigin = 'https://app.example.test'
const agent = `quiltt-embed/${version}`

/** A minimal Connector: reports Load to whoever embeds it. */
const connectorPage = `<!doctype html><script>parent.postMessage({ source: 'quiltt', type: 'Load' }, '*')</script>`

/** A session token shaped like Quiltt's (the SDK checks shape and `exp`, not the signature). */
function sessionToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const exp = Math.floor(Date.now() / 1000) + 3600
  return `${part({ alg: 'HS512', typ: 'JWT' })}.${part({ exp })}.${part({ sig: 1 })}`
}

/** Records every quiltt:error and quiltt:load the page hears, before the SDK runs. */
const recorder = `<script>
  window.seen = []
  for (const name of ['error', 'load'])
    document.addEventListener('quiltt:' + name, (event) => {
      event.preventDefault()
      const { error } = event.detail
      window.seen.push(error ? { name, code: error.code, message: error.message } : { name })
    })
</script>`

/**
 * Serves a page at https://app.example.test whose SDK tag carries `tag` (the page author's
 * configuration) over `markup`; answers its token endpoint and, on Quiltt's and the proxy's hosts,
 * a Connector. Records every request the page makes.
 */
async function servePage(page: Page, tag: string, markup: string) {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  const html = `<!doctype html><html><head>${recorder}<script src="/quiltt-embed.min.js" data-token-url="/api/session" ${tag}></script></head><body>${markup}</body></html>`
  await page.route(`${pageOrigin}/`, (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  )
  await page.route(`${pageOrigin}/quiltt-embed.min.js`, (route) =>
    route.fulfill({
      contentType: 'application/javascript',
      body: readFileSync(new URL('quiltt-embed.min.js', sdkDist)),
    }),
  )
  await page.route(`${pageOrigin}/api/session`, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ token: sessionToken() }),
    }),
  )
  await page.route(/^https:\/\/[^/]+\.(quiltt\.app|proxy\.example)\//, (route) =>
    route.fulfill({ contentType: 'text/html', body: connectorPage }),
  )
  await page.goto(`${pageOrigin}/`)
  /** Requests that left the page's own origin, or asked for a token. */
  const contacted = () =>
    requests.filter((url) => !url.startsWith(`${pageOrigin}/`) || url.endsWith('/api/session'))
  return { contacted }
}

const seen = (page: Page) =>
  page.evaluate(() => (window as unknown as { seen: Record<string, string>[] }).seen)

/** The one quiltt:error the page heard, refusing `host`. */
async function expectRefused(page: Page, host: string) {
  const [only, ...more] = await seen(page)
  expect(more).toEqual([])
  expect(only).toMatchObject({ name: 'error', code: 'INVALID_OPTIONS' })
  expect(only!.message).toContain(host)
  expect(only!.message).toContain('trustedHosts')
}

test('a loopback Connector is refused on a non-loopback page, before any request', async ({
  page,
}) => {
  const { contacted } = await servePage(
    page,
    'data-connector-url="http://{connectorId}.localhost:3100"',
    '<button data-quiltt-button="abc123">Link</button>',
  )
  await expectRefused(page, 'abc123.localhost:3100')
  await page.getByRole('button', { name: 'Link' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(contacted()).toEqual([])
})

test('a foreign host is refused; the same host listed in data-trusted-hosts opens, with our agent', async ({
  page,
}) => {
  const connectorUrl = 'data-connector-url="https://{connectorId}.connector.proxy.example"'
  // Markup cannot trust a host: only the SDK's own tag can.
  const untrusted = await servePage(
    page,
    connectorUrl,
    '<button data-quiltt-button="abc123" data-quiltt-trusted-hosts="abc123.connector.proxy.example" data-trusted-hosts="abc123.connector.proxy.example">Link</button>',
  )
  await expectRefused(page, 'abc123.connector.proxy.example')
  expect(untrusted.contacted()).toEqual([])

  const trusted = await servePage(
    page,
    `${connectorUrl} data-trusted-hosts="other.example  ABC123.connector.proxy.example"`,
    '<button data-quiltt-button="abc123">Link</button>',
  )
  await page.getByRole('button', { name: 'Link' }).click()
  await expect.poll(() => seen(page)).toEqual([{ name: 'load' }])
  const connector = trusted.contacted().find((url) => url.includes('.proxy.example/'))!
  expect(new URL(connector).origin).toBe('https://abc123.connector.proxy.example')
  expect(new URL(connector).searchParams.get('agent')).toBe(agent)
})

test("Quiltt's own host works from any page; connector.js is loaded with our agent", async ({
  page,
}) => {
  const { contacted } = await servePage(
    page,
    '',
    '<button data-quiltt-button="abc123">Link</button>',
  )
  await page.getByRole('button', { name: 'Link' }).click()
  await expect.poll(() => seen(page)).toEqual([{ name: 'load' }])
  const connector = new URL(contacted().find((url) => url.includes('.quiltt.app/'))!)
  expect(connector.origin).toBe('https://abc123.quiltt.app')
  expect(connector.searchParams.get('agent')).toBe(agent)

  // The script transport from code: a loopback scriptUrl is refused here too; Quiltt's CDN is
  // asked for connector.js with our agent added.
  let scriptRequest: URL | undefined
  await page.route('https://cdn.quiltt.io/**', (route) => {
    scriptRequest = new URL(route.request().url())
    return route.fulfill({ contentType: 'application/javascript', body: '' })
  })
  const outcome = await page.evaluate(async () => {
    const { createConnector, scriptTransport } = (
      window as unknown as { QuilttEmbed: typeof import('quiltt-embed') }
    ).QuilttEmbed
    const token = () => 'unused'
    let refused = ''
    try {
      createConnector({
        connectorId: 'abc123',
        token,
        transport: scriptTransport,
        scriptUrl: 'http://cdn.localhost:3100/v1/connector.js',
      })
    } catch (error) {
      refused = (error as { code: string }).code
    }
    const connector = createConnector({ connectorId: 'abc123', token, transport: scriptTransport })
    const preload = await connector.preload().then(
      () => 'loaded',
      (error: { code: string }) => error.code,
    )
    return { refused, preload }
  })
  // The fake connector.js defines no window.Quiltt: the load fails, after the request we check.
  expect(outcome).toEqual({ refused: 'INVALID_OPTIONS', preload: 'SCRIPT_LOAD_FAILED' })
  expect(scriptRequest?.href).toBe(
    `https://cdn.quiltt.io/v1/connector.js?agent=${encodeURIComponent(agent)}`,
  )
})
