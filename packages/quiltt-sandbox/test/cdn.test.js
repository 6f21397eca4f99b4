// @ts-check
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startSandbox } from '../src/index.js'
import { control, request } from './helpers/http.js'

/** @type {Awaited<ReturnType<typeof startSandbox>>} */
let sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox.close())

const script = () => request(sandbox, { host: 'cdn.localhost', path: '/v1/connector.js' })
const stats = async () => (await control(sandbox, 'GET', '/__sandbox/stats')).json

test('connector.js is JavaScript, never cached, and counted', async () => {
  const before = await stats()
  const reply = await script()
  expect(reply.status).toBe(200)
  expect(reply.headers['content-type']).toBe('application/javascript; charset=utf-8')
  expect(reply.headers['cache-control']).toBe('no-store')
  expect(reply.text).toContain('window')
  expect(reply.text).not.toMatch(/innerHTML|eval\(|new Function/)
  await script()
  expect((await stats()).scriptRequests - before.scriptRequests).toBe(2)
})

test('each connector.js request’s agent is recorded as it arrived, none as null', async () => {
  const agent = 'quiltt-embed/1.2.3'
  await request(sandbox, {
    host: 'cdn.localhost',
    path: `/v1/connector.js?agent=${encodeURIComponent(agent)}`,
  })
  await script()
  expect((await stats()).agents.scripts.slice(-2)).toEqual([agent, null])
})

test('failScriptRequests fails exactly the next N requests', async () => {
  const set = await control(sandbox, 'POST', '/__sandbox/faults', { failScriptRequests: 2 })
  expect(set.status).toBe(204)
  expect((await script()).status).toBe(500)
  expect((await script()).status).toBe(500)
  expect((await script()).status).toBe(200)
})

test('other CDN paths and methods are JSON errors', async () => {
  expect((await request(sandbox, { host: 'cdn.localhost', path: '/v1/other.js' })).status).toBe(404)
  const post = await request(sandbox, {
    host: 'cdn.localhost',
    method: 'POST',
    path: '/v1/connector.js',
  })
  expect(post.status).toBe(405)
})
