// @ts-check
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSandbox } from '../src/index.js'
import { connectorData, control, issueSession, request } from './helpers/http.js'

let now = Date.now()
/** @type {Awaited<ReturnType<typeof startSandbox>>} */
let sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ tokenTtlSeconds: 600, now: () => now })
})
afterAll(() => sandbox.close())

const HOST = 'abc.localhost'
const EMBED = 'http://localhost:3000/account/link?secret=1#frag'

/** @param {Record<string, string | undefined>} params */
function page(params) {
  const defined = Object.entries(params).filter(([, value]) => value !== undefined)
  const query = new URLSearchParams(/** @type {[string, string][]} */ (defined))
  return request(sandbox, { host: HOST, path: `/?${query}` })
}

/** @param {string} token @param {string} institutionId @param {string} [code] */
function createConnection(token, institutionId, code) {
  return request(sandbox, {
    host: HOST,
    method: 'POST',
    path: '/api/connections',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ institutionId, code }),
  })
}

describe('Connector page', () => {
  test.each(['light', 'dark', 'auto'])(
    'theme_mode=%s paints the page that way (data-theme)',
    async (mode) => {
      const { token } = await issueSession(sandbox)
      const reply = await page({ mode: 'INLINE', token, embed_location: EMBED, theme_mode: mode })
      expect(reply.text).toContain(`<html lang="en" data-theme="${mode}">`)
      expect(connectorData(reply.text).themeMode).toBe(mode)
    },
  )

  test.each([undefined, 'Dark', 'dark" onload="x', ''])(
    'theme_mode %j is ignored: Dashboard default (light)',
    async (mode) => {
      const { token } = await issueSession(sandbox)
      const reply = await page({ mode: 'INLINE', token, embed_location: EMBED, theme_mode: mode })
      expect(reply.text).toContain('<html lang="en">')
      expect(reply.text).not.toContain('data-theme')
      expect(connectorData(reply.text).themeMode).toBeNull()
    },
  )

  test('renders the app for a valid token, under a strict CSP', async () => {
    const { token, userId } = await issueSession(sandbox)
    const reply = await page({
      mode: 'INLINE',
      token,
      embed_location: EMBED,
      institution: 'sandbox',
    })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
    const csp = String(reply.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("require-trusted-types-for 'script'")
    expect(csp).not.toContain('unsafe-inline')
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.headers['referrer-policy']).toBe('no-referrer')
    // Only external scripts and the inert JSON data block.
    const scripts = reply.text.match(/<script[^>]*>/g) ?? []
    for (const tag of scripts) expect(tag).toMatch(/type="application\/json"|src="\/app\.js"/)
    const data = connectorData(reply.text)
    expect(data).toMatchObject({
      connectorId: 'abc',
      flow: 'connect',
      mode: 'INLINE',
      profileId: userId,
      parentOrigin: 'http://localhost:3000',
      institution: 'sandbox',
      suppressLoad: false,
      connectorSession: { id: expect.stringMatching(/^cs_/) },
    })
  })

  test('escapes request data inside the data block', async () => {
    const { token } = await issueSession(sandbox)
    const evil = '</script><script>alert(1)</script>\u2028'
    const reply = await page({ token, institution: evil })
    expect(reply.text).not.toContain('<script>alert(1)')
    expect(connectorData(reply.text).institution).toBe(evil)
  })

  test('shows the session-expired screen for missing, garbage, expired and revoked tokens', async () => {
    const expired = await issueSession(sandbox)
    const revoked = await issueSession(sandbox)
    await request(sandbox, {
      method: 'DELETE',
      path: '/v1/users/session',
      headers: { authorization: `Bearer ${revoked.token}` },
    })
    now += 601_000
    for (const params of [
      {},
      { token: 'garbage' },
      { token: expired.token },
      { token: revoked.token },
    ]) {
      const reply = await page({ ...params, embed_location: EMBED })
      expect(reply.status).toBe(200)
      const data = connectorData(reply.text)
      expect(data.flow).toBe('error')
      expect(data.error.message).toMatch(/Your session has expired/)
      expect(data).not.toHaveProperty('profileId')
      expect(data).not.toHaveProperty('token')
    }
  })

  test('no parent origin for a missing or non-http embed_location', async () => {
    const { token } = await issueSession(sandbox)
    for (const embed of [undefined, 'not a url', 'javascript:alert(1)', 'data:text/html,x']) {
      const reply = await page(embed === undefined ? { token } : { token, embed_location: embed })
      expect(connectorData(reply.text).parentOrigin).toBeNull()
    }
  })

  test('reconnect: known Connections render, unknown or foreign ones are errors', async () => {
    const owner = await issueSession(sandbox)
    const stranger = await issueSession(sandbox)
    const created = await createConnection(owner.token, 'sandbox-bank')
    expect(created.status).toBe(201)
    const { connectionId } = created.json
    expect(connectionId).toMatch(/^conn_/)
    const own = connectorData((await page({ token: owner.token, connectionId })).text)
    expect(own).toMatchObject({
      flow: 'reconnect',
      connection: { id: connectionId, institution: { id: 'sandbox-bank', name: 'Sandbox Bank' } },
    })
    const foreign = connectorData((await page({ token: stranger.token, connectionId })).text)
    expect(foreign.flow).toBe('error')
    const unknown = connectorData((await page({ token: owner.token, connectionId: 'conn_x' })).text)
    expect(unknown).toMatchObject({ flow: 'error', error: { title: 'Connection not found' } })
  })

  test('connections API: failing bank is 502, OAuth needs a code, bad tokens are 401', async () => {
    const { token } = await issueSession(sandbox)
    expect((await createConnection(token, 'failing-bank')).status).toBe(502)
    expect((await createConnection(token, 'oauth-bank')).status).toBe(422)
    expect((await createConnection(token, 'oauth-bank', 'code123')).status).toBe(201)
    expect((await createConnection(token, 'nope')).status).toBe(422)
    expect((await createConnection('garbage', 'sandbox-bank')).status).toBe(401)
  })

  test('static assets come from sirv with the CSP; other methods are 405', async () => {
    const script = await request(sandbox, { host: HOST, path: '/app.js' })
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toMatch(/javascript/)
    expect(script.headers['content-security-policy']).toContain("script-src 'self'")
    const css = await request(sandbox, { host: HOST, path: '/app.css' })
    expect(css.headers['content-type']).toMatch(/^text\/css/)
    const missing = await request(sandbox, { host: HOST, path: '/../../package.json' })
    expect(missing.status).toBe(404)
    const post = await request(sandbox, { host: HOST, method: 'POST', path: '/' })
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
  })

  test('OAuth pages: authorize needs a sane state and must not be framed', async () => {
    const ok = await request(sandbox, { host: HOST, path: '/oauth/authorize?state=abcdefgh12' })
    expect(ok.status).toBe(200)
    expect(ok.text).toContain('Authorize')
    expect(ok.text).toContain('value="abcdefgh12"')
    expect(ok.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    const bad = await request(sandbox, { host: HOST, path: '/oauth/authorize?state=%22%3E%3Cx' })
    expect(bad.status).toBe(400)
    const callback = await request(sandbox, { host: HOST, path: '/oauth/callback?code=c&state=s' })
    expect(callback.text).toContain('src="/oauth-callback.js"')
  })
})

describe('faults', () => {
  test('connectorStatus, suppressLoad and clearing them', async () => {
    const { token } = await issueSession(sandbox)
    const set = (/** @type {unknown} */ body) => control(sandbox, 'POST', '/__sandbox/faults', body)
    expect((await set({ connectorId: 'abc', connectorStatus: 500 })).status).toBe(204)
    expect((await page({ token })).status).toBe(500)
    // Other Connectors are unaffected.
    expect(
      (await request(sandbox, { host: 'other.localhost', path: `/?token=${token}` })).status,
    ).toBe(200)
    await set({ connectorId: 'abc', connectorStatus: 404 })
    expect((await page({ token })).status).toBe(404)
    await set({ connectorId: 'abc', connectorStatus: null, suppressLoad: true })
    const suppressed = await page({ token })
    expect(suppressed.status).toBe(200)
    expect(connectorData(suppressed.text).suppressLoad).toBe(true)
    expect((await control(sandbox, 'DELETE', '/__sandbox/faults')).status).toBe(204)
    expect(connectorData((await page({ token })).text).suppressLoad).toBe(false)
  })

  test('fault requests are validated and need the secret', async () => {
    const bad = await control(sandbox, 'POST', '/__sandbox/faults', { connectorStatus: 418 })
    expect(bad.status).toBe(422)
    expect(bad.json.errors).toHaveProperty('connectorStatus')
    const anonymous = await request(sandbox, { method: 'DELETE', path: '/__sandbox/faults' })
    expect(anonymous.status).toBe(401)
  })

  test('stats count Connector page requests', async () => {
    const before = (await control(sandbox, 'GET', '/__sandbox/stats')).json
    await page({})
    await page({})
    const after = (await control(sandbox, 'GET', '/__sandbox/stats')).json
    expect(after.connectorPageRequests - before.connectorPageRequests).toBe(2)
    expect(Object.keys(after).sort()).toEqual(
      [
        'agents',
        'connectorPageRequests',
        'scriptRequests',
        'sessionsIssued',
        'sessionsRevoked',
      ].sort(),
    )
  })

  test('stats record the agent each Connector page load carried (null for none)', async () => {
    await page({ agent: 'quiltt-embed/1.2.3' })
    await page({})
    const { agents } = (await control(sandbox, 'GET', '/__sandbox/stats')).json
    expect(agents.connectorPages.slice(-2)).toEqual(['quiltt-embed/1.2.3', null])
  })
})
