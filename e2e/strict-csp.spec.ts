// The strict-CSP page (/strict.html): default-src 'none', nonce-only scripts and styles, an
// explicit frame-src and enforced Trusted Types. Both transports must complete a flow without a
// single securitypolicyviolation; a negative control proves the policy really is enforced.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { connectSandboxBank, logEntries, modalConnector } from './helpers'

interface Violation {
  directive: string
  blockedURI: string
  sample: string
}

/** Records every securitypolicyviolation from the very start of each document. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const store: unknown[] = []
    Object.defineProperty(window, '__cspViolations', { value: store })
    document.addEventListener('securitypolicyviolation', (event) => {
      store.push({
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sample: event.sample,
      })
    })
  })
}

const violations = (page: Page): Promise<Violation[]> =>
  page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations)

async function openStrictPage(page: Page): Promise<string> {
  await watchViolations(page)
  const response = await page.goto('/strict.html')
  const csp = response?.headers()['content-security-policy'] ?? ''
  await expect(page.getByRole('button', { name: 'Connect (iframe transport)' })).toBeEnabled()
  await expect(page.getByRole('button', { name: 'Connect (script transport)' })).toBeEnabled()
  return csp
}

test('the strict page is served with a per-request nonce-only policy', async ({
  page,
  sandbox,
}) => {
  const csp = await openStrictPage(page)
  const nonce = /script-src 'nonce-([\w-]+)'/.exec(csp)?.[1]
  expect(nonce).toBeTruthy()
  const port = new URL(sandbox.scriptUrl).port
  expect(csp).toBe(
    [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      `frame-src http://*.localhost:${port}`,
      "connect-src 'self'",
      "img-src 'self'",
      "require-trusted-types-for 'script'",
      'trusted-types quiltt-embed',
    ].join('; '),
  )
  const again = await page.request.get('/strict.html')
  expect(again.headers()['content-security-policy']).not.toContain(`'nonce-${nonce}'`)
  expect(await violations(page)).toEqual([])
})

for (const transport of ['iframe', 'script'] as const) {
  test(`${transport} transport completes Sandbox Bank with zero CSP violations`, async ({
    page,
    pageProblems,
  }) => {
    await openStrictPage(page)
    await page.getByRole('button', { name: `Connect (${transport} transport)` }).click()
    await connectSandboxBank(modalConnector(page))

    const success = logEntries(page, 'exitSuccess')
    await expect(success).toHaveCount(1)
    await expect(success).toHaveAttribute('data-source', transport)
    await expect(page.getByRole('dialog')).toHaveCount(0)
    expect(await logEntries(page, 'error').count()).toBe(0)
    if (transport === 'script') {
      // connector.js really came in through the nonce on the tag the SDK inserted.
      expect(await page.evaluate(() => 'Quiltt' in window)).toBe(true)
      const nonces = await page.evaluate(() => ({
        page: (document.querySelector('script[src="/strict.js"]') as HTMLScriptElement).nonce,
        connectorJs: (
          document.querySelector('script[src*="/v1/connector.js"]') as HTMLScriptElement
        ).nonce,
      }))
      expect(nonces.connectorJs).toBe(nonces.page)
    }
    expect(await violations(page)).toEqual([])
    expect(pageProblems).toEqual([])
  })
}

test.describe('negative control', () => {
  test.use({ failOnPageProblems: false })

  test('an injected inline script is blocked and reported as exactly one violation', async ({
    page,
  }) => {
    await openStrictPage(page)
    await page.evaluate(() => {
      const script = document.createElement('script')
      // A text node, not textContent: Trusted Types would refuse the assignment itself.
      script.append(document.createTextNode('document.body.dataset.inline = "ran"'))
      document.body.append(script)
    })

    await expect.poll(async () => (await violations(page)).length).toBe(1)
    const [violation] = await violations(page)
    // Trusted Types refuse the untrusted script text before script-src is even consulted.
    expect(violation).toMatchObject({
      directive: 'require-trusted-types-for',
      sample: expect.stringContaining('HTMLScriptElement'),
    })
    expect(await page.evaluate(() => document.body.dataset.inline)).toBeUndefined()
  })

  test('an injected <style> without the nonce is blocked and reported as exactly one violation', async ({
    page,
  }) => {
    await openStrictPage(page)
    await page.evaluate(() => {
      const style = document.createElement('style')
      style.textContent = 'body { outline: 7px solid rgb(255, 0, 0) }'
      document.head.append(style)
    })

    await expect.poll(async () => (await violations(page)).length).toBe(1)
    expect((await violations(page))[0]?.directive).toBe('style-src-elem')
    await expect(page.locator('body')).not.toHaveCSS('outline-width', '7px')
  })

  test('a frame from an origin not in frame-src is blocked', async ({ page }) => {
    await openStrictPage(page)
    await page.evaluate(() => {
      const frame = document.createElement('iframe')
      frame.src = 'http://elsewhere.invalid/'
      document.body.append(frame)
    })

    await expect.poll(async () => (await violations(page)).length).toBe(1)
    expect((await violations(page))[0]?.directive).toBe('frame-src')
  })
})
