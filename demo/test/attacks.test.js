// Attacks on the demo server as an integrator would copy it: cross-site requests that used to
// count against the victim's rate limit, one user's requests filling another's limit, and DNS
// rebinding (a page on the attacker's name, resolved to the developer's machine).
import { request as httpRequest } from 'node:http'
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

/**
 * A request with the Host header of our choosing (fetch() does not let a caller set it).
 * @param {string} base
 * @param {{ method?: string, path?: string, headers?: Record<string, string>, body?: string }} options
 * @returns {Promise<{ status: number, body: string }>}
 */
function rawRequest(base, { method = 'GET', path = '/', headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { method, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => {
        text += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('rate limit', () => {
  it('20 cross-site POSTs (all 403) do not leave the signed-in user at 429', async () => {
    const base = await start({ clientLimit: { limit: 20, windowMs: 60_000 } })
    const ada = await signIn(base, 'Ada')
    for (let i = 0; i < 20; i += 1) {
      const forged = await postSession(base, {
        origin: 'https://attacker.example',
        cookie: ada.cookie,
      })
      expect(forged.status).toBe(403)
    }
    const own = await postSession(base, ada)
    expect(own.status).toBe(200)
  })

  it('is kept per signed-in user: one user at the limit does not stop another on the same address', async () => {
    const base = await start({ clientLimit: { limit: 5, windowMs: 60_000 } })
    const ada = await signIn(base, 'Ada')
    const bob = await signIn(base, 'Bob')
    const statuses = []
    for (let i = 0; i < 7; i += 1) statuses.push((await postSession(base, bob)).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
    expect((await postSession(base, ada)).status).toBe(200)
  })
})

describe('DNS rebinding', () => {
  it.each([
    ['GET /', 'GET', '/'],
    ['POST /api/signin', 'POST', '/api/signin'],
    ['POST /api/quiltt/session', 'POST', '/api/quiltt/session'],
    ['GET /api/config', 'GET', '/api/config'],
  ])('%s with Host and Origin on the attacker’s name is 403', async (_, method, path) => {
    const base = await start()
    const { cookie } = await signIn(base, 'Ada')
    const attacker = `rebind.attacker.example:${new URL(base).port}`
    const response = await rawRequest(base, {
      method,
      path,
      headers: {
        host: attacker,
        origin: `http://${attacker}`,
        cookie,
        'content-type': 'application/json',
      },
      body: method === 'POST' ? '{"name":"Mallory"}' : undefined,
    })
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body)).toMatchObject({ code: 'HOST_NOT_ALLOWED' })
    expect(response.body).not.toContain('token')
  })

  it('serves the hosts it runs on, and the host of PUBLIC_URL', async () => {
    const base = await start({ env: { PUBLIC_URL: 'https://demo.example.com/' } })
    const port = new URL(base).port
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      `LocalHost:${port}`,
      'demo.example.com',
    ]) {
      expect((await rawRequest(base, { headers: { host } })).status, host).toBe(200)
    }
    expect(
      (await rawRequest(base, { headers: { host: 'demo.example.com.attacker.example' } })).status,
    ).toBe(403)
  })

  it('refuses an invalid PUBLIC_URL at start, saying what it must be', async () => {
    await expect(startDemo({ port: 0, env: { PUBLIC_URL: 'demo.example.com' } })).rejects.toThrow(
      /PUBLIC_URL/,
    )
  })
})
