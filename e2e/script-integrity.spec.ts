// The README's script-tag quick start, as written (e2e/script-tag/quick-start.html is the
// README's block), with Subresource Integrity: the built IIFE served at the pinned CDN URL loads
// with the hash the build wrote and still reads its own tag's configuration (data-token-url,
// data-connector-ids through document.currentScript); with a wrong hash the browser refuses it.
// The CDN, the page's origin and the Connector are served by routes: nothing leaves the machine.
import { readFileSync } from 'node:fs'
import { expect, type Page, test } from '@playwright/test'

const sdkDist = new URL('../packages/quiltt-embed/dist/', import.meta.url)
const quickStart = readFileSync(new URL('./script-tag/quick-start.html', import.meta.url), 'utf8')
const pageOrigin = 'https://shop.example'
const connectorOrigin = 'https://your-connector-id.quiltt.app'

/** The CDN URL the quick start pins, and the integrity value the build wrote for the IIFE. */
const cdnUrl = /src="(https:\/\/unpkg\.com\/[^"]+)"/.exec(quickStart)![1]!
const builtHash = readFileSync(new URL('quiltt-embed.min.js.sha384', sdkDist), 'utf8').trim()
// A well-formed sha384 value of other bytes: the browser must refuse the script under it.
const wrongHash = `sha384-${'A'.repeat(64)}`

/** A structurally valid session token (the SDK checks shape and `exp`, not the signature). */
function sessionToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const exp = Math.floor(Date.now() / 1000) + 3600
  return `${part({ alg: 'HS512', typ: 'JWT' })}.${part({ exp })}.${part({ sig: 1 })}`
}

/** A minimal Connector: reports Load, then the user's success. */
const connectorPage = `<!doctype html><script>
  parent.postMessage({ source: 'quiltt', type: 'Load' }, '*')
  setTimeout(() => parent.postMessage({ source: 'quiltt', type: 'ExitSuccess', connectionId: 'conn_sri' }, '*'), 50)
</script>`

/** Serves the quick start (with `integrity` replaced) at pageOrigin; counts token requests. */
async function serveQuickStart(page: Page, integrity: string) {
  const html = quickStart.replace(/integrity="[^"]*"/, `integrity="${integrity}"`)
  const seen = { tokenRequests: 0, scriptRequests: 0 }
  await page.route(`${pageOrigin}/`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html>${html}` }),
  )
  await page.route(`${pageOrigin}/api/quiltt/session`, (route) => {
    seen.tokenRequests++
    return route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ token: sessionToken() }),
    })
  })
  await page.route(cdnUrl, (route) => {
    seen.scriptRequests++
    // crossorigin="anonymous" makes this a CORS request, as unpkg and jsDelivr answer it.
    return route.fulfill({
      contentType: 'application/javascript',
      headers: { 'access-control-allow-origin': '*' },
      body: readFileSync(new URL('quiltt-embed.min.js', sdkDist)),
    })
  })
  await page.route(`${connectorOrigin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: connectorPage }),
  )
  return seen
}

test('the quick start pins a version and carries integrity + crossorigin', () => {
  expect(cdnUrl).toMatch(
    /^https:\/\/unpkg\.com\/quiltt-embed@\d+\.\d+\.\d+\/dist\/quiltt-embed\.min\.js$/,
  )
  expect(quickStart).toMatch(/integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous"/)
})

test('with the hash the build wrote, the IIFE loads and autoBind reads its script tag', async ({
  page,
}) => {
  const logs: string[] = []
  page.on('console', (message) => logs.push(message.text()))
  const seen = await serveQuickStart(page, builtHash)
  await page.goto(`${pageOrigin}/`)
  await expect
    .poll(() => page.evaluate(() => typeof (window as { QuilttEmbed?: unknown }).QuilttEmbed))
    .toBe('object')
  await page.getByRole('button', { name: 'Link your bank' }).click()
  // The token came from the script tag's data-token-url; the exit reached the page's listener.
  await expect.poll(() => logs).toContain('conn_sri')
  expect(seen.tokenRequests).toBeGreaterThanOrEqual(1)
})

test('with a wrong hash the browser refuses the IIFE: nothing binds, no token is asked for', async ({
  page,
}) => {
  const logs: string[] = []
  page.on('console', (message) => logs.push(message.text()))
  const seen = await serveQuickStart(page, wrongHash)
  await page.goto(`${pageOrigin}/`)
  // The script was fetched, then blocked by its integrity check.
  await expect.poll(() => logs.some((text) => /integrity/i.test(text))).toBe(true)
  expect(seen.scriptRequests).toBe(1)
  await page.getByRole('button', { name: 'Link your bank' }).click()
  expect(await page.evaluate(() => 'QuilttEmbed' in window)).toBe(false)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(seen.tokenRequests).toBe(0)
})
