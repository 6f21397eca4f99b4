// The demo server over HTTP: headers, routes, errors and both modes. Node's fetch sends no Origin,
// and talks to 127.0.0.1 because Node does not resolve *.localhost.
import { afterEach, describe, expect, it } from 'vitest'
import { startDemo } from '../server.mjs'
import { postSession, signIn } from './sign-in.js'

/** @type {Awaited<ReturnType<typeof startDemo>> | undefined} */
let demo
afterEach(async () => {
  await demo?.close()
  demo = undefined
})

/** @param {Parameters<typeof startDemo>[0]} [options] */
async function start(options) {
  demo = await startDemo({ port: 0, env: {}, ...options })
  return demo.url.replace('localhost', '127.0.0.1')
}

describe('sandbox mode', () => {
  it('serves pages with the security headers and sets no cookie', async () => {
    const base = await start()
    const response = await fetch(`${base}/spa.html`)
    expect(response.status).toBe(200)
    const csp = response.headers.get('content-security-policy') ?? ''
    const port = new URL(demo?.sandbox?.authUrl ?? '').port
    expect(csp).toContain(`script-src 'self' http://cdn.localhost:${port};`)
    expect(csp).toContain(`frame-src http://demo.localhost:${port};`)
    expect(csp).not.toContain('unsafe-inline')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('serves the SDK under /sdk/ and nothing outside the served folders', async () => {
    const base = await start()
    const sdk = await fetch(`${base}/sdk/quiltt-embed.min.js`)
    expect(sdk.status).toBe(200)
    expect(sdk.headers.get('content-type')).toContain('javascript')
    for (const path of ['/sdk/../package.json', '/sdk/%2e%2e/package.json', '/server.mjs']) {
      expect((await fetch(`${base}${path}`)).status).toBe(404)
    }
  })

  it('gives the pages the Connector ID and the sandbox URLs, never the secret', async () => {
    const base = await start()
    const config = await (await fetch(`${base}/api/config`)).json()
    expect(config).toEqual({
      connectorId: 'demo',
      connectorUrl: demo?.sandbox?.connectorUrl,
      scriptUrl: demo?.sandbox?.scriptUrl,
    })
  })

  it('returns { token, expiresAt } and the same token for the same user', async () => {
    const base = await start()
    const headers = await signIn(base)
    const first = await postSession(base, headers)
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('no-store')
    const body = await first.json()
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'token'])
    const again = await postSession(base, headers)
    expect((await again.json()).token).toBe(body.token)
  })

  it('refuses cross-origin POSTs, wrong methods and unknown API paths', async () => {
    const base = await start()
    const { cookie } = await signIn(base)
    const crossSite = await postSession(base, { origin: 'https://attacker.example', cookie })
    expect(crossSite.status).toBe(403)
    expect(await crossSite.json()).toMatchObject({ code: 'CROSS_SITE_REFUSED' })
    const signInElsewhere = await fetch(`${base}/api/signin`, {
      method: 'POST',
      headers: { origin: 'https://attacker.example', 'content-type': 'application/json' },
      body: '{"name":"Mallory"}',
    })
    expect(signInElsewhere.status).toBe(403)
    const get = await fetch(`${base}/api/quiltt/session`)
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    expect((await fetch(`${base}/api/nope`)).status).toBe(404)
    expect((await fetch(`${base}/spa.html`, { method: 'POST' })).status).toBe(405)
  })

  it('maps an unreachable Auth API to 502 JSON', async () => {
    const base = await start()
    const headers = await signIn(base)
    await demo?.sandbox?.close()
    const response = await postSession(base, headers)
    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({ code: 'UPSTREAM_FAILED', message: expect.any(String) })
  })

  it('renders the plain page with escaped attributes and only valid connection IDs', async () => {
    const base = await start()
    const plain = await (await fetch(`${base}/plain.html`)).text()
    expect(plain).toContain('data-quiltt-button="demo"')
    // URLs and the token endpoint sit on the SDK's script tag, never on markup the SDK binds.
    const sdkTag = plain.match(/<script src="\/sdk\/quiltt-embed\.min\.js"[^>]*>/)?.[0] ?? ''
    expect(sdkTag).toContain('data-token-url="/api/quiltt/session"')
    expect(sdkTag).toContain(`data-connector-url="${demo?.sandbox?.connectorUrl}"`)
    expect(sdkTag).toContain('data-connector-ids="demo"')
    expect(plain).not.toMatch(/data-quiltt-(token|token-url|connector-url|script-url)=/)
    expect(plain).not.toContain('data-demo-attrs')
    expect(plain).not.toContain('data-quiltt-connection')

    const reconnect = await (await fetch(`${base}/plain.html?connection=conn_123`)).text()
    expect(reconnect).toContain('data-quiltt-connection="conn_123"')
    const hostile = await (
      await fetch(`${base}/plain.html?connection=${encodeURIComponent('"><script>x</script>')}`)
    ).text()
    expect(hostile).not.toContain('<script>x')
    expect(hostile).not.toContain('data-quiltt-connection')
  })
})

describe('Quiltt mode', () => {
  const env = { QUILTT_API_KEY_SECRET: 'sk_live_example', QUILTT_CONNECTOR_ID: 'abc123' }

  it('uses Quiltt origins, starts no sandbox and sends no sandbox URLs', async () => {
    const base = await start({ env })
    expect(demo?.mode).toBe('quiltt')
    expect(demo?.sandbox).toBeUndefined()
    expect(await (await fetch(`${base}/api/config`)).json()).toEqual({ connectorId: 'abc123' })
    const csp = (await fetch(`${base}/`)).headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self' https://cdn.quiltt.io;")
    expect(csp).toContain('frame-src https://abc123.quiltt.app;')
    const plain = await (await fetch(`${base}/plain.html`)).text()
    expect(plain).not.toContain('data-connector-url')
    expect(plain).toContain('data-token-url="/api/quiltt/session"')
  })

  it.each([
    [{ QUILTT_API_KEY_SECRET: 'sk_live_example' }, /both/],
    [{ QUILTT_CONNECTOR_ID: 'abc123' }, /both/],
    [{ ...env, QUILTT_CONNECTOR_ID: 'bad.host' }, /Connector ID/],
  ])('refuses an incomplete or invalid configuration %j', async (badEnv, message) => {
    await expect(startDemo({ port: 0, env: badEnv })).rejects.toThrow(message)
  })
})
