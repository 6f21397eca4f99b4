// @ts-check
// Quiltt-SDK-Agent (SPEC §4.4): every Auth API call says who is calling, in our own name,
// `quiltt-session/<version> (<runtime>/<version>)`. The runtime is read from navigator.userAgent
// first (Deno, Bun and workerd name themselves there; Deno and Bun also report a Node version),
// then the Edge runtime's global, then Node's process.versions. Here: the order with each
// runtime's globals as that runtime has them, and the header the sandbox received from Node. The
// real Deno, Bun and workerd send theirs in test/runtimes/.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSessions, memoryStore } from '../src/index.js'
import { runtimeOf, sdkAgent } from '../src/sdk-agent.js'
import { version } from '../src/version.js'
import { sandboxAuth } from './helpers/sandbox.js'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

it('the version in the header is the package’s (src/version.js follows package.json)', () => {
  expect(version).toBe(pkg.version)
})

describe('the runtime, in SPEC §4.4’s order', () => {
  const node = { versions: { node: '22.12.0' } }
  it.each([
    [
      'Deno (which also reports a Node version)',
      { navigator: { userAgent: 'Deno/2.9.6' }, process: node },
      'Deno/2.9.6',
    ],
    [
      'Bun (which also reports a Node version)',
      { navigator: { userAgent: 'Bun/1.4.5' }, process: node },
      'Bun/1.4.5',
    ],
    ['workerd', { navigator: { userAgent: 'Cloudflare-Workers' } }, 'Cloudflare-Workers'],
    [
      'workerd with nodejs_compat',
      { navigator: { userAgent: 'Cloudflare-Workers' }, process: node },
      'Cloudflare-Workers',
    ],
    ['the Edge runtime', { EdgeRuntime: 'edge-runtime', process: node }, 'edge-light'],
    [
      'the Edge runtime with a navigator of its own',
      { navigator: { userAgent: 'Edge Runtime' }, EdgeRuntime: 'edge-runtime' },
      'edge-light',
    ],
    ['Node 20 (no navigator)', { process: { versions: { node: '20.20.2' } } }, 'Node/20.20.2'],
    [
      'Node 22 (navigator says only Node.js/22)',
      { navigator: { userAgent: 'Node.js/22' }, process: node },
      'Node/22.12.0',
    ],
    [
      'a user agent with more in it',
      { navigator: { userAgent: 'Deno/2.9.6\r\nX-Evil: 1' } },
      'unknown',
    ],
    ['nothing known', {}, 'unknown'],
  ])('%s', (_name, scope, expected) => {
    expect(runtimeOf(scope)).toBe(expected)
    expect(sdkAgent(scope)).toBe(`quiltt-session/${pkg.version} (${expected})`)
  })

  it('this Node, by default', () => {
    expect(sdkAgent()).toBe(`quiltt-session/${pkg.version} (Node/${process.versions.node})`)
  })
})

describe('on the wire', () => {
  /** @type {Awaited<ReturnType<typeof sandboxAuth>>} */
  let auth
  beforeEach(async () => {
    auth = await sandboxAuth()
  })
  afterEach(() => auth.close())

  it('every Auth API call carries it: issuing and revoking', async () => {
    const sessions = createSessions({
      apiKeySecret: auth.apiKeySecret,
      authUrl: auth.authUrl,
      store: memoryStore(),
    })
    const userId = await auth.createProfile()
    const before = (await auth.stats()).agents.authApi.length
    await sessions.issue({ userId })
    await sessions.revoke({ userId })
    const expected = `quiltt-session/${pkg.version} (Node/${process.versions.node})`
    expect((await auth.stats()).agents.authApi.slice(before)).toEqual([expected, expected])
  })
})
