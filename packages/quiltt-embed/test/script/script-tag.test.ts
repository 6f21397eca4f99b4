// The script-tag build (dist/quiltt-embed.min.js) on pages served by ./fixture-server/ from
// their own origin, under strict CSPs: Trusted Types (`require-trusted-types-for 'script'`,
// allowing only the `quiltt-embed` policy), a nonce-only script-src, and autoBind on
// DOMContentLoaded. Each page reports back to this test page with postMessage.
// The bundle is built by `npm run build` before the unit tests run (`npx rollup -c` by hand).
import { afterEach, beforeAll, expect, test } from 'vitest'
import {
  cdnOrigin,
  cleanup,
  expectFreshBundle,
  loadPage,
  port,
  requestCount,
  scriptUrl,
  unique,
  withAgent,
} from './helpers'

afterEach(cleanup)

beforeAll(expectFreshBundle)

interface Violation {
  directive: string
  blockedURI: string
}

interface StrictReport {
  ok: boolean
  code?: string
  name?: string
  isConnectorError?: boolean
  message?: string
  cause?: string
  events: string[]
  violations: Violation[]
  policies: string[]
  quilttDefined: boolean
  calls: unknown[][]
  tags: { nonce: string }[]
  plainStringRefused: boolean
}

test('Trusted Types: connector.js is loaded through the quiltt-embed policy, with no violation', async () => {
  const url = scriptUrl({ autoload: '1' })
  const report = await loadPage<StrictReport>('/pages/strict.html', {
    policies: 'quiltt-embed',
    scriptUrl: url,
  })

  expect(report.plainStringRefused, 'Trusted Types is not enforced on the page').toBe(true)
  expect(report).toMatchObject({ ok: true, quilttDefined: true, violations: [] })
  expect(report.policies).toEqual(['quiltt-embed'])
  expect(report.events).toEqual(['opened', 'loaded'])
  expect(
    report.calls.map(([name]) => name).filter((name) => !/^(on|off)/.test(String(name))),
  ).toEqual(['authenticate', 'connect', 'open'])
  expect(await requestCount(withAgent(url, 'built'))).toBe(1)
})

test('a page whose Trusted Types list lacks quiltt-embed gets SCRIPT_LOAD_FAILED, as a ConnectorError', async () => {
  const url = scriptUrl({ autoload: '1' })
  const report = await loadPage<StrictReport>('/pages/strict.html', {
    policies: 'some-other-policy',
    scriptUrl: url,
  })

  expect(report.plainStringRefused).toBe(true)
  expect(report.ok).toBe(false)
  const { isConnectorError, name, code, message, cause } = report
  expect({ isConnectorError, name, code }).toEqual({
    isConnectorError: true,
    name: 'ConnectorError',
    code: 'SCRIPT_LOAD_FAILED',
  })
  // The message points at the CSP; the cause is the browser's refusal naming the policy.
  expect(message).toMatch(/CSP/)
  expect(cause).toMatch(/quiltt-embed/)
  expect(await requestCount(url)).toBe(0)
})

test('nonce: under a nonce-only script-src, connector.js runs because the SDK gives its tag the nonce', async () => {
  const nonce = unique('n')
  const url = scriptUrl({ autoload: '1' })
  const report = await loadPage<StrictReport>('/pages/strict.html', {
    nonce,
    useNonce: nonce,
    scriptUrl: url,
  })

  expect(report).toMatchObject({ ok: true, quilttDefined: true, violations: [] })
  expect(report.tags).toEqual([{ nonce }])
  expect(report.events).toEqual(['opened', 'loaded'])
})

test('nonce: the same page without the nonce option is blocked → SCRIPT_LOAD_FAILED', async () => {
  const url = scriptUrl({ autoload: '1' })
  const report = await loadPage<StrictReport>('/pages/strict.html', {
    nonce: unique('n'),
    scriptUrl: url,
  })

  expect(report).toMatchObject({
    ok: false,
    isConnectorError: true,
    code: 'SCRIPT_LOAD_FAILED',
    quilttDefined: false,
  })
  expect(report.violations).toContainEqual(
    expect.objectContaining({ directive: 'script-src-elem', blockedURI: withAgent(url, 'built') }),
  )
  expect(report.tags).toEqual([])
  expect(await requestCount(withAgent(url, 'built'))).toBe(0)
})

interface IifeReport {
  origin: string
  keys: string[]
  types: Record<string, string>
  version: unknown
  readyStateWhenLoaded: string
  containerParsedWhenLoaded: boolean
  seen: { name: string; target: string; bubbles: boolean; metadata?: unknown; code?: string }[]
  iframeSrc: string | null
  iframeTitle: string | null
  violations: Violation[]
}

test('the IIFE defines window.QuilttEmbed and auto-binds data-quiltt-* once the DOM is ready', async () => {
  const connectorId = unique('iife')
  const report = await loadPage<IifeReport>('/pages/iife.html', { connectorId })

  expect(report.keys).toEqual([
    'ConnectorError',
    'autoBind',
    'createConnector',
    'scriptTransport',
    'version',
  ])
  expect(report.types).toEqual({
    createConnector: 'function',
    scriptTransport: 'object',
    ConnectorError: 'function',
    autoBind: 'function',
    version: 'string',
  })
  expect(report.version).toMatch(/^\d+\.\d+\.\d+/)
  // The tag ran in <head>, before the container existed: only DOMContentLoaded could bind it.
  expect(report.readyStateWhenLoaded).toBe('loading')
  expect(report.containerParsedWhenLoaded).toBe(false)
  expect(report.seen).toEqual([
    { name: 'open', target: 'inline', bubbles: true, metadata: { connectorId } },
    { name: 'load', target: 'inline', bubbles: true, metadata: { connectorId } },
  ])
  expect(new URL(report.iframeSrc ?? '').origin).toBe(`http://${connectorId}.localhost:${port}`)
  expect(report.violations).toEqual([])
})

// data-token-url's request as the page's endpoint receives it: a POST with the body `{}` as
// application/json. With no body and no type it looks like a form post to frameworks' own CSRF
// checks (Astro's answers 403 before the endpoint runs).
test('data-token-url: the endpoint receives a same-origin POST with {} as application/json', async () => {
  const connectorId = unique('iife')
  const report = await loadPage<IifeReport>('/pages/iife.html', { connectorId })
  expect(report.seen.map(({ name }) => name)).toEqual(['open', 'load'])
  const seen = await fetch(
    `${cdnOrigin}/__token-requests?origin=${encodeURIComponent(report.origin)}`,
  ).then((response) => response.json())
  expect(seen).toEqual([
    {
      path: '/api/session',
      method: 'POST',
      contentType: 'application/json',
      body: '{}',
      origin: report.origin,
      secFetchSite: 'same-origin',
    },
  ])
})

// DOM clobbering: markup named `currentScript` shadows `document.currentScript` and carries its
// own data-token-url and data-connector-url. The SDK reads its own tag through Document's getter,
// so the page author's configuration wins and the injected one is never used.
test('markup clobbering document.currentScript cannot configure the SDK', async () => {
  const connectorId = unique('iife')
  const report = await loadPage<IifeReport>('/pages/iife.html', { connectorId, clobber: '1' })

  expect(report.seen.map((event) => event.name)).toEqual(['open', 'load'])
  expect(new URL(report.iframeSrc ?? '').origin).toBe(`http://${connectorId}.localhost:${port}`)
  expect(await requestCount(`http://cdn.localhost:${port}/api/evil-session`)).toBe(0)
  expect(await requestCount(`http://cdn.localhost:${port}/api/session`)).toBeGreaterThan(0)
  expect(report.violations).toEqual([])
})

test('the script tag sets the page-wide theme and words: data-theme-mode, data-label-dialog', async () => {
  const connectorId = unique('iife')
  const report = await loadPage<IifeReport>('/pages/iife.html', {
    connectorId,
    'theme-mode': 'dark',
    'label-dialog': 'Conector de Quiltt',
  })

  expect(report.seen.map((event) => event.name)).toEqual(['open', 'load'])
  expect(new URL(report.iframeSrc ?? '').searchParams.get('theme_mode')).toBe('dark')
  expect(report.iframeTitle).toBe('Conector de Quiltt')
  expect(report.violations).toEqual([])
})

test("markup may choose its own theme (data-quiltt-theme-mode) over the script tag's", async () => {
  const connectorId = unique('iife')
  const report = await loadPage<IifeReport>('/pages/iife.html', {
    connectorId,
    'theme-mode': 'dark',
    markupTheme: 'light',
  })

  expect(new URL(report.iframeSrc ?? '').searchParams.get('theme_mode')).toBe('light')
  expect(report.iframeTitle).toBe('Quiltt Connector')
})

test('a data-quiltt-theme-mode outside light/dark/auto is refused with quiltt:error', async () => {
  const connectorId = unique('iife')
  const report = await loadPage<IifeReport>('/pages/iife.html', {
    connectorId,
    markupTheme: 'night',
  })

  expect(report.seen).toEqual([
    expect.objectContaining({ name: 'error', target: 'inline', code: 'INVALID_OPTIONS' }),
  ])
  expect(report.iframeSrc).toBeNull()
})
