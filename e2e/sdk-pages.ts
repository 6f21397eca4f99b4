// Small pages of a test's own, served at the demo's origin (so the demo's token URL is same-origin
// and the browser context's sign-in counts), that load the built script-tag SDK against the
// demo's sandbox, the way an integrator's page would. Each test writes only what it is about:
// the `<head>` extras (or none: no <meta name="viewport">), the charset, the body.
import { readFileSync } from 'node:fs'
import type { Page, Route } from '@playwright/test'
import type { Demo } from './fixtures'

const IIFE = new URL('../packages/quiltt-embed/dist/quiltt-embed.min.js', import.meta.url)

export interface SdkPage {
  /** Where it is served, on the demo's origin. */
  path: string
  /** `<meta>` and the like; the viewport meta is not added for you. */
  head?: string
  /** The body's markup (ASCII: the page may be served without a charset). */
  body: string
  /** The charset both the page and the SDK are served with; `null` for none. */
  charset?: string | null
  /** `dir` of the `<html>` element. */
  dir?: 'ltr' | 'rtl'
}

/** Serves the page and the SDK as described, then loads the page. */
export async function openSdkPage(page: Page, demo: Demo, spec: SdkPage): Promise<void> {
  const { path, head = '', body, charset = 'utf-8', dir = 'ltr' } = spec
  const type = (base: string) => (charset ? `${base}; charset=${charset}` : base)
  const sdkPath = `/test-sdk${path}.js`
  await page.route(`${demo.url}${sdkPath}`, (route) =>
    route.fulfill({
      body: readFileSync(IIFE),
      headers: { 'content-type': type('text/javascript') },
    }),
  )
  const attributes = {
    src: sdkPath,
    'data-token-url': '/api/quiltt/session',
    'data-connector-url': demo.sandbox!.connectorUrl,
  }
  const tag = Object.entries(attributes)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ')
  const html = `<!doctype html><html lang="en" dir="${dir}"><head>${head}<title>SDK page</title><script ${tag}></script></head><body>${body}</body></html>`
  await page.route(`${demo.url}${path}`, (route) =>
    route.fulfill({ body: html, headers: { 'content-type': type('text/html') } }),
  )
  await page.goto(path)
}

/**
 * Holds the Connector's page (the iframe's first request) until the returned function is called,
 * so the modal shows its loading state for as long as a test looks at it.
 */
export async function holdConnector(page: Page): Promise<() => void> {
  let release!: () => void
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(
    (url) => url.hostname.endsWith('.localhost') && url.searchParams.get('mode') === 'INLINE',
    async (route: Route) => {
      await released
      await route.continue().catch(() => undefined)
    },
  )
  return release
}
