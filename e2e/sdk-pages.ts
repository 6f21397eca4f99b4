// Small pages of a test's own that load the built script-tag SDK against the demo's sandbox, the
// way an integrator's page would. Each test writes only what it is about: the `<head>` extras
// (or none: no <meta name="viewport">), the charset, the direction, the body. A real loopback
// server, not `page.route`: Chromium treats a routed page as public, and a public page may not
// frame the sandbox's loopback Connector (Local Network Access).
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { issueToken } from '../bench/lib/session.mjs'
import { test as base, type Demo } from './fixtures'

const IIFE = new URL('../packages/quiltt-embed/dist/quiltt-embed.min.js', import.meta.url)

export interface SdkPage {
  /** `<meta>` and the like; no viewport meta is added for you. */
  head?: string
  /** The body's markup (ASCII: the page may be served without a charset). */
  body: string
  /** The charset both the page and the SDK are served with; `null` for none. */
  charset?: string | null
  /** `dir` of the `<html>` element. */
  dir?: 'ltr' | 'rtl'
}

export interface SdkPages {
  /** Serves `spec` at a fresh path and loads it in `page`. */
  open(page: Page, spec: SdkPage): Promise<void>
  close(): Promise<void>
}

type Sandbox = NonNullable<Demo['sandbox']>

/**
 * A loopback server for SDK pages. `POST /session` answers `{ token }` with a session token from
 * the sandbox (a fresh Profile each time, so no rate limit is ever reached); the SDK's script tag
 * points there with `data-token-url`.
 */
export async function startSdkPages(sandbox: Sandbox): Promise<SdkPages> {
  const pages = new Map<string, Required<SdkPage>>()
  const send = (res: ServerResponse, type: string, charset: string | null, body: string | Buffer) =>
    res
      .writeHead(200, {
        'content-type': charset ? `${type}; charset=${charset}` : type,
        'cache-control': 'no-store',
      })
      .end(body)

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (req.method === 'POST' && path === '/session') {
      const token = await issueToken(sandbox, `${randomUUID()}@example.com`)
      return send(res, 'application/json', 'utf-8', JSON.stringify({ token }))
    }
    const spec = pages.get(path.replace(/\.js$/, ''))
    if (!spec) return res.writeHead(404).end()
    if (path.endsWith('.js')) return send(res, 'text/javascript', spec.charset, readFileSync(IIFE))
    const tag = `<script src="${path}.js" data-token-url="/session" data-connector-url="${sandbox.connectorUrl}"></script>`
    const html = `<!doctype html><html lang="en" dir="${spec.dir}"><head>${spec.head}<title>SDK page</title>${tag}</head><body>${spec.body}</body></html>`
    return send(res, 'text/html', spec.charset, html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    async open(page, { head = '', body, charset = 'utf-8', dir = 'ltr' }) {
      const path = `/page-${pages.size}`
      pages.set(path, { head, body, charset, dir })
      await page.goto(`${origin}${path}`)
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The e2e fixtures, plus `sdkPages`: a fresh page server for each test. */
export const test = base.extend<{ sdkPages: SdkPages }>({
  sdkPages: async ({ sandbox }, use) => {
    const pages = await startSdkPages(sandbox)
    await use(pages)
    await pages.close()
  },
})
