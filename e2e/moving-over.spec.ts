// The README's "Moving over from Quiltt's connector.js" page, as written
// (e2e/script-tag/moving-over.html is the README's block): Quiltt's own markup, unchanged, under
// our script tag, which gets the token from data-token-url instead of an inline
// Quiltt.authenticate(…); Quiltt.onExitSuccess(…) became a quiltt:exit-success listener. The page
// and its session endpoint (quiltt-session, as an integrator's server has it) are served from
// loopback by this file, against the demo's sandbox, through to exitSuccess. Then the same page
// still loading Quiltt's connector.js (here the sandbox's, which binds quiltt-button as Quiltt's
// does): one click opens one Connector, connector.js's.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { createSessions } from 'quiltt-session'
import { type Demo, expect, test } from './fixtures'
import { connectSandboxBank, modalConnector } from './helpers'

const sdkDist = new URL('../packages/quiltt-embed/dist/', import.meta.url)
const movingOver = readFileSync(new URL('./script-tag/moving-over.html', import.meta.url), 'utf8')
/** The CDN URL the page pins, served from the build; the build's own integrity value. */
const cdnUrl = /src="(https:\/\/unpkg\.com\/[^"]+)"/.exec(movingOver)![1]!
const builtHash = readFileSync(new URL('quiltt-embed.min.js.sha384', sdkDist), 'utf8').trim()
const { version } = JSON.parse(
  readFileSync(new URL('../packages/quiltt-embed/package.json', import.meta.url), 'utf8'),
)

/**
 * Serves the page as the README writes it, but for this build's integrity, the demo's Connector
 * ID, and the sandbox's Connector URL (a development page's one addition, as the README's quick
 * start says), with `extraHead` at the end of <head>; and its session endpoint. On loopback: a page
 * fulfilled by a Playwright route counts as a public one, and Chromium would block its frames to
 * the sandbox on loopback (Local Network Access).
 */
async function servePage(page: Page, demo: Demo, extraHead = '') {
  const sandbox = demo.sandbox!
  const tag = 'data-token-url="/api/quiltt/session"'
  expect(movingOver).toContain(tag)
  const html = movingOver
    .replaceAll('<CONNECTOR_ID>', demo.connectorId)
    .replace(/integrity="[^"]*"/, `integrity="${builtHash}"`)
    .replace(tag, `data-connector-url="${sandbox.connectorUrl}" ${tag}`)
    .replace('</head>', `${extraHead}</head>`)
  const sessions = createSessions({ apiKeySecret: sandbox.apiKeySecret, authUrl: sandbox.authUrl })
  const user = { email: `moving-over-${crypto.randomUUID()}@example.com` }
  const session = sessions.nodeHandler({ user: () => user })
  let tokenRequests = 0
  const server = createServer((request, response) => {
    if (request.url === '/api/quiltt/session') {
      tokenRequests++
      return session(request, response)
    }
    response.writeHead(request.url === '/moving-over.html' ? 200 : 404, {
      'Content-Type': 'text/html; charset=utf-8',
    })
    response.end(request.url === '/moving-over.html' ? `<!doctype html>${html}` : '')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  await page.route(cdnUrl, (route) =>
    route.fulfill({
      contentType: 'application/javascript',
      headers: { 'access-control-allow-origin': '*' },
      body: readFileSync(new URL('quiltt-embed.min.js', sdkDist)),
    }),
  )
  await page.goto(`${origin}/moving-over.html`)
  await expect
    .poll(() => page.evaluate(() => typeof (window as { QuilttEmbed?: unknown }).QuilttEmbed))
    .toBe('object')
  return { tokenRequests: () => tokenRequests }
}

const servers: ReturnType<typeof createServer>[] = []
test.afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

test("Quiltt's HTML under our script tag: quiltt-button opens our Connector once, through to exitSuccess", async ({
  page,
  demo,
  stats,
}) => {
  const logs: string[] = []
  page.on('console', (message) => logs.push(message.text()))
  const { tokenRequests } = await servePage(page, demo)
  const before = (await stats()).agents.connectorPages.length

  await page.getByRole('button', { name: 'Click Here!' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(1)
  await connectSandboxBank(modalConnector(page))

  // Quiltt.onExitSuccess(…)'s replacement heard the Connection.
  await expect
    .poll(() => logs.find((line) => line.startsWith('Global onExitSuccess')))
    .toMatch(/^Global onExitSuccess conn_\w+$/)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(tokenRequests()).toBe(1)
  // One Connector page for the click, and it said who embedded it.
  expect((await stats()).agents.connectorPages.slice(before)).toEqual([`quiltt-embed/${version}`])
})

test("with Quiltt's connector.js still on the page, its markup is its own: one Connector per click", async ({
  page,
  demo,
  stats,
}) => {
  const scriptUrl = demo.sandbox!.scriptUrl
  // A page that still loads connector.js (and a button of ours, to open afterwards).
  const { tokenRequests } = await servePage(page, demo, `<script src="${scriptUrl}"></script>`)
  await expect.poll(() => page.evaluate(() => 'Quiltt' in window)).toBe(true)
  const before = (await stats()).agents.connectorPages.length

  await page.getByRole('button', { name: 'Click Here!' }).click()
  // connector.js's modal; its Connector page is the only one loaded for the click.
  await expect(page.getByRole('dialog')).toHaveCount(1)
  await expect.poll(async () => (await stats()).agents.connectorPages.length).toBe(before + 1)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // Our own markup still binds: opening it asks for a token, and it is the first token request,
  // so the click on Quiltt's markup made none.
  await page.evaluate((connectorId) => {
    const ours = document.createElement('button')
    ours.textContent = 'Ours'
    ours.setAttribute('data-quiltt-button', connectorId)
    document.body.append(ours)
  }, demo.connectorId)
  await page.getByRole('button', { name: 'Ours' }).click()
  await expect(
    modalConnector(page).getByRole('heading', { name: 'Select your institution' }),
  ).toBeVisible()
  expect(tokenRequests()).toBe(1)
  const pages = (await stats()).agents.connectorPages.slice(before)
  // connector.js's page (it adds no agent of ours), then ours.
  expect(pages).toEqual([null, `quiltt-embed/${version}`])
})
