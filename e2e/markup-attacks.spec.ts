// Page markup is not trusted (a sanitizer keeps data-* attributes): injected markup may choose
// what to open, never where a token comes from or goes. Each test injects, into the demo's plain
// page, the markup a security review used to steer the SDK, and checks the attack has no effect:
// the element is not bound, it gets quiltt:error INVALID_OPTIONS, and nothing is requested.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page, Request } from '@playwright/test'
import { expect, test } from './fixtures'
import { detailOf, logEntries } from './helpers'

/** An attacker's server on loopback: it records every request that reaches it. */
async function startEvilServer(): Promise<{ origin: string; hits: string[]; server: Server }> {
  const hits: string[] = []
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`)
    response.end('window.__pwned = true')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, hits, server }
}

/** Inserts an element as sanitized user HTML would arrive: attributes only, no script. */
async function inject(page: Page, tag: string, attributes: Record<string, string>, text = '') {
  await page.evaluate(
    ({ tag, attributes, text }) => {
      const node = document.createElement(tag)
      node.id = 'injected'
      for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
      node.textContent = text
      document.querySelector('main')?.append(node)
    },
    { tag, attributes, text },
  )
}

/** Every request the page (and its frames) makes from now on. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = []
  page.on('request', (request) => requests.push(request))
  return requests
}

/**
 * Waits until the SDK has dealt with the injected element: any quiltt:* event from it (an SDK
 * that obeyed the markup reports open/load or a failure; ours refuses it with quiltt:error).
 */
async function settled(page: Page) {
  await expect(page.locator('#event-log [data-source="injected"]').first()).toBeAttached()
}

/** The injected element's quiltt:error, which the page's log shows with its detail. */
async function expectRefused(page: Page, attribute: string) {
  const error = logEntries(page, 'quiltt:error').and(page.locator('[data-source="injected"]'))
  await expect(error).toHaveCount(1)
  await expect(page.locator('#event-log [data-source="injected"]')).toHaveCount(1)
  const detail = (await detailOf(error)) as { error?: { code?: string; message?: string } }
  expect(detail.error?.code).toBe('INVALID_OPTIONS')
  expect(detail.error?.message).toContain(attribute)
  expect(detail.error?.message).toContain('script tag')
}

test.beforeEach(async ({ page }) => {
  await page.goto('/plain.html')
  // The page's own inline Connector is bound and loaded: autoBind is running.
  await expect(
    logEntries(page, 'quiltt:load').and(page.locator('[data-source="inline-connector"]')),
  ).toHaveCount(1)
})

test('data-quiltt-connector-url cannot send the victim’s token to another origin', async ({
  page,
  demo,
}) => {
  const evil = await startEvilServer()
  const requests = recordRequests(page)
  await inject(page, 'div', {
    'data-quiltt-container': demo.connectorId,
    'data-quiltt-token-url': '/api/quiltt/session',
    'data-quiltt-connector-url': evil.origin,
  })
  await settled(page)
  // No session POST, no frame towards the attacker, nothing reached the attacker.
  expect(requests.filter((request) => request.url().includes('/api/quiltt/session'))).toEqual([])
  await expect(page.locator(`#injected iframe`)).toHaveCount(0)
  expect(page.frames().some((frame) => frame.url().startsWith(evil.origin))).toBe(false)
  expect(evil.hits).toEqual([])
  evil.server.close()
  await expectRefused(page, 'data-quiltt-token-url')
})

test('data-quiltt-script-url cannot run an attacker’s script, even on click', async ({
  page,
  demo,
  sandbox,
}) => {
  // The attacker's script sits on an origin the page's CSP allows (the Connector CDN's), so only
  // the SDK stands between the markup and its execution.
  const evilScript = new URL('/v1/evil.js', sandbox.scriptUrl).href
  let served = 0
  await page.route(evilScript, (route) => {
    served++
    return route.fulfill({ contentType: 'text/javascript', body: 'window.__pwned = true' })
  })
  await inject(
    page,
    'button',
    {
      'data-quiltt-button': demo.connectorId,
      'data-quiltt-transport': 'script',
      'data-quiltt-token': 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9.forged',
      'data-quiltt-script-url': evilScript,
    },
    'Claim your reward',
  )
  await page.getByRole('button', { name: 'Claim your reward' }).click()
  await settled(page)
  // Clicking did nothing: no dialog, no script tag for that URL, the script never ran.
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(await page.locator(`script[src="${evilScript}"]`).count()).toBe(0)
  expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined()
  expect(served).toBe(0)
  await expectRefused(page, 'data-quiltt-token')
})

test('data-quiltt-token-url cannot make the page POST to another path (sign-out)', async ({
  page,
  demo,
}) => {
  const requests = recordRequests(page)
  await inject(page, 'div', {
    'data-quiltt-container': demo.connectorId,
    'data-quiltt-token-url': '/api/signout',
  })
  await settled(page)
  expect(requests.filter((request) => request.url().includes('/api/signout'))).toEqual([])
  await expect(page.locator('#injected iframe')).toHaveCount(0)
  await expectRefused(page, 'data-quiltt-token-url')
})

test('data-quiltt-token cannot open the Connector under the attacker’s own Profile', async ({
  page,
  demo,
  sandbox,
}) => {
  // A genuine session token, but the attacker's: a bank linked through it lands in their account.
  const response = await fetch(`${sandbox.authUrl}/v1/users/sessions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${sandbox.apiKeySecret}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ email: 'attacker@example.com' }),
  })
  const { token: attackerToken } = (await response.json()) as { token: string }
  expect(attackerToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)

  await inject(
    page,
    'button',
    { 'data-quiltt-button': demo.connectorId, 'data-quiltt-token': attackerToken },
    'Link your bank here',
  )
  await page.getByRole('button', { name: 'Link your bank here' }).click()
  await settled(page)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const frameUrls = page.frames().map((frame) => frame.url())
  expect(frameUrls.some((url) => url.includes(attackerToken))).toBe(false)
  await expectRefused(page, 'data-quiltt-token')
})

test('markup naming a Connector ID outside data-connector-ids is not bound', async ({ page }) => {
  const requests = recordRequests(page)
  await inject(page, 'div', { 'data-quiltt-container': 'someone-else' })
  const error = logEntries(page, 'quiltt:error').and(page.locator('[data-source="injected"]'))
  await expect(error).toHaveCount(1)
  expect(((await detailOf(error)) as { error?: { code?: string } }).error?.code).toBe(
    'INVALID_OPTIONS',
  )
  expect(requests.filter((request) => request.url().includes('/api/quiltt/session'))).toEqual([])
  await expect(page.locator('#injected iframe')).toHaveCount(0)
})
