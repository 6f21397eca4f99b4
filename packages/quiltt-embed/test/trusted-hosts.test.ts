// A session token goes only to Quiltt's hosts (SPEC §3.1 `connectorUrl`, §4.4): `https:` on
// quiltt.app, quiltt.io, quiltt.dev or a subdomain (default port), loopback while the page is on
// loopback, or a host the page author lists in `trustedHosts`. Tried as an attacker would try it:
// every refusal is INVALID_OPTIONS from createConnector, naming the host and `trustedHosts`,
// before anything is drawn or requested. This page is on loopback (Vitest's server); the rule for
// other pages is checked through isTrustedHost, which takes the page's location, and in a real
// non-loopback page by e2e/trusted-hosts.spec.ts.
import { afterEach, describe, expect, test } from 'vitest'
import { isTrustedHost } from '../src/check-host'
import type { ConnectorOptions } from '../src/index'
import { createConnector, scriptTransport } from '../src/index'
import {
  catchError,
  cleanup,
  dialogs,
  domNodeCount,
  iframes,
  makeToken,
  onCleanup,
  uniqueId,
} from './helpers'

afterEach(cleanup)

const connectorId = 'abc123'

function attempt(options: Partial<ConnectorOptions>) {
  return () => {
    const connector = createConnector({ connectorId, token: makeToken(), ...options })
    onCleanup(() => connector.destroy())
    return connector
  }
}

/** createConnector refuses `options` before touching the DOM or the network; returns the error. */
function refused(options: Partial<ConnectorOptions>) {
  const nodes = domNodeCount()
  const resources = performance.getEntriesByType('resource').length
  const scripts = document.scripts.length
  const error = catchError(attempt(options))
  expect(error.code).toBe('INVALID_OPTIONS')
  expect(domNodeCount()).toBe(nodes)
  expect(iframes()).toEqual([])
  expect(dialogs()).toEqual([])
  expect(document.scripts.length).toBe(scripts)
  expect(performance.getEntriesByType('resource').length).toBe(resources)
  return error
}

describe('connectorUrl', () => {
  test.each([
    ['the default', undefined],
    ['quiltt.app', 'https://{connectorId}.quiltt.app'],
    ['quiltt.io', 'https://connector.quiltt.io'],
    ['quiltt.dev', 'https://{connectorId}.quiltt.dev'],
    ['a Quiltt domain itself', 'https://quiltt.app'],
    ['a deeper subdomain', 'https://{connectorId}.staging.quiltt.dev'],
    ['mixed case (the parser lower-cases it)', 'https://{connectorId}.QUILTT.App'],
    ['the explicit default port', 'https://{connectorId}.quiltt.app:443'],
    ['a punycode label under quiltt.app', 'https://xn--bcher-kva.quiltt.app'],
    ['loopback: localhost', 'http://localhost:3000'],
    ['loopback: *.localhost', 'http://{connectorId}.localhost:8080'],
    ['loopback: 127.0.0.1', 'https://127.0.0.1:9'],
    ['loopback: [::1]', 'http://[::1]:9'],
  ])('accepts %s', (_label, url) => {
    expect(attempt({ connectorUrl: url })().state).toBe('idle')
  })

  test.each([
    [
      'a Quiltt name as a subdomain of another host',
      'https://quiltt.app.evil.test',
      'quiltt.app.evil.test',
    ],
    [
      'the template under another host',
      'https://{connectorId}.quiltt.app.evil.test',
      'abc123.quiltt.app.evil.test',
    ],
    ['a host that only ends like quiltt.app', 'https://evilquiltt.app', 'evilquiltt.app'],
    ['a trailing dot', 'https://quiltt.app.', 'quiltt.app.'],
    ['a trailing dot on a subdomain', 'https://{connectorId}.quiltt.io.', 'abc123.quiltt.io.'],
    ['mixed case of another host', 'https://QUILTT.APP.Evil.Test', 'quiltt.app.evil.test'],
    ['a non-default port', 'https://{connectorId}.quiltt.app:8443', 'abc123.quiltt.app:8443'],
    ['port 80 over https', 'https://quiltt.io:80', 'quiltt.io:80'],
    ['another Quiltt-like TLD', 'https://{connectorId}.quiltt.com', 'abc123.quiltt.com'],
    ['a look-alike with a dotless ı (punycode)', 'https://quıltt.app', 'xn--qultt-o4a.app'],
    ['a punycode look-alike', 'https://xn--qultt-o4a.app', 'xn--qultt-o4a.app'],
    ['a Cyrillic look-alike', 'https://{connectorId}.quіltt.app', 'abc123.xn--qultt-o2e.app'],
    ['127.0.0.2 (not our loopback)', 'https://127.0.0.2:9', '127.0.0.2:9'],
    ['IPv4-mapped IPv6 loopback', 'https://[::ffff:127.0.0.1]', '[::ffff:7f00:1]'],
    ['an IPv6 literal', 'https://[2001:db8::1]', '[2001:db8::1]'],
    ['an IPv4 literal', 'https://203.0.113.7', '203.0.113.7'],
    ['a look-alike loopback name', 'https://localhost.evil.test', 'localhost.evil.test'],
    ['loopback with a trailing dot', 'https://localhost.', 'localhost.'],
    ['a percent-encoded dot', 'https://quiltt.app%2eevil.test', 'quiltt.app.evil.test'],
  ])('refuses %s, naming the host and trustedHosts', (_label, url, host) => {
    const error = refused({ connectorUrl: url })
    expect(error.message).toContain('connectorUrl')
    expect(error.message).toContain(host)
    expect(error.message).toContain('trustedHosts')
  })

  test.each([
    ['a user name that looks like Quiltt', 'https://quiltt.app@evil.test'],
    ['a fragment that looks like Quiltt', 'https://evil.test#.quiltt.app'],
    ['a path that looks like Quiltt', 'https://evil.test/.quiltt.app'],
    ['plain http to Quiltt', 'http://{connectorId}.quiltt.app'],
    ['plain http to 127.0.0.2', 'http://127.0.0.2:9'],
  ])('refuses %s (not an origin, or not https:)', (_label, url) => {
    expect(refused({ connectorUrl: url }).message).toContain('connectorUrl')
  })
})

describe('scriptUrl (script transport)', () => {
  const script = (scriptUrl: string, trustedHosts?: string[]) =>
    attempt({ transport: scriptTransport, scriptUrl, trustedHosts })

  test.each([
    'https://cdn.quiltt.io/v1/connector.js',
    'https://cdn.quiltt.io/v1/connector.js?v=2',
    'http://cdn.localhost:1/v1/connector.js',
  ])('accepts %s', (url) => {
    expect(script(url)().state).toBe('idle')
  })

  test.each([
    ['https://cdn.quiltt.io.evil.test/v1/connector.js', 'cdn.quiltt.io.evil.test'],
    ['https://evil.test/v1/connector.js#cdn.quiltt.io', 'evil.test'],
    ['https://evil.test/cdn.quiltt.io/v1/connector.js', 'evil.test'],
    ['https://cdn.quiltt.io:8443/v1/connector.js', 'cdn.quiltt.io:8443'],
    ['https://127.0.0.2:9/connector.js', '127.0.0.2:9'],
  ])('refuses %s, naming the host', (url, host) => {
    const nodes = domNodeCount()
    const error = catchError(script(url))
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toContain('scriptUrl')
    expect(error.message).toContain(host)
    expect(error.message).toContain('trustedHosts')
    expect(domNodeCount()).toBe(nodes)
  })

  test('a host in trustedHosts is accepted for connector.js too', () => {
    expect(script('https://cdn.proxy.example/v1/connector.js', ['cdn.proxy.example'])().state).toBe(
      'idle',
    )
  })
})

describe('trustedHosts', () => {
  const proxied = 'https://{connectorId}.quiltt.proxy.example'

  test('a listed host is accepted, exactly and in any case', () => {
    expect(
      attempt({ connectorUrl: proxied, trustedHosts: ['abc123.quiltt.proxy.example'] })().state,
    ).toBe('idle')
    expect(
      attempt({ connectorUrl: proxied, trustedHosts: ['ABC123.Quiltt.Proxy.Example'] })().state,
    ).toBe('idle')
  })

  test.each([
    ['another host only', ['other.example']],
    ['its parent domain (no subdomains)', ['quiltt.proxy.example']],
    ['a wildcard (there are none)', ['*.quiltt.proxy.example']],
    ['a URL instead of a host name', ['https://abc123.quiltt.proxy.example']],
    ['a host with a port', ['abc123.quiltt.proxy.example:443']],
    ['nothing', []],
  ])('refuses an unlisted host: %s', (_label, trustedHosts) => {
    const error = refused({ connectorUrl: proxied, trustedHosts })
    expect(error.message).toContain('abc123.quiltt.proxy.example')
    expect(error.message).toContain('trustedHosts')
  })

  test.each([
    ['http:', 'http://abc123.quiltt.proxy.example'],
    ['a non-default port', 'https://abc123.quiltt.proxy.example:8443'],
  ])('a listed host over %s is still refused', (_label, connectorUrl) => {
    refused({ connectorUrl, trustedHosts: ['abc123.quiltt.proxy.example'] })
  })

  test('a listed host named in the template is judged after {connectorId} is filled in', () => {
    // The author trusts one Connector's host; the template sends another ID elsewhere.
    const options = { connectorUrl: proxied, trustedHosts: ['abc123.quiltt.proxy.example'] }
    expect(attempt(options)().state).toBe('idle')
    const error = catchError(() =>
      createConnector({ ...options, connectorId: 'other', token: makeToken() }),
    )
    expect(error.message).toContain('other.quiltt.proxy.example')
  })

  test.each([
    ['a string', 'abc123.quiltt.proxy.example'],
    ['an object', { host: 'abc123.quiltt.proxy.example' }],
  ])('%s instead of a list is INVALID_OPTIONS naming trustedHosts', (_label, trustedHosts) => {
    const error = refused({ connectorUrl: proxied, trustedHosts: trustedHosts as never })
    expect(error.message).toContain('trustedHosts')
  })

  test('a polluted Object.prototype.trustedHosts trusts nothing', () => {
    const proto = Object.prototype as { trustedHosts?: unknown }
    proto.trustedHosts = ['abc123.quiltt.proxy.example']
    onCleanup(() => delete proto.trustedHosts)
    refused({ connectorUrl: proxied })
  })

  test('loopback is never trusted by listing it: only a loopback page may use it', () => {
    const url = new URL('http://localhost:3000')
    expect(isTrustedHost(url, new URL('https://app.example.test'), ['localhost'])).toBe(false)
  })
})

describe("the page's own origin (isTrustedHost)", () => {
  const loopbackPages = [
    'http://localhost:3000',
    'http://demo.localhost:5173',
    'https://127.0.0.1',
    'http://[::1]:8080',
  ]
  const otherPages = [
    'https://app.example.test',
    'https://127.0.0.2',
    'https://[::ffff:127.0.0.1]',
    'https://localhost.example.test',
    'https://quiltt.app',
  ]
  const loopbackTargets = [
    'http://localhost:3100',
    `http://${uniqueId()}.localhost:3100`,
    'https://127.0.0.1:9',
    'http://[::1]:9',
  ]

  test.each(loopbackPages)(
    'from a loopback page (%s), loopback Connectors are accepted',
    (page) => {
      for (const target of loopbackTargets)
        expect(isTrustedHost(new URL(target), new URL(page), []), target).toBe(true)
    },
  )

  test.each(otherPages)(
    'from %s, loopback Connectors are refused: a production page must not send tokens to the visitor’s machine',
    (page) => {
      for (const target of loopbackTargets)
        expect(isTrustedHost(new URL(target), new URL(page), []), target).toBe(false)
      expect(isTrustedHost(new URL('https://abc123.quiltt.app'), new URL(page), [])).toBe(true)
    },
  )

  test('createConnector judges against this page, which is on loopback', () => {
    expect(location.hostname).toMatch(/^(localhost|127\.0\.0\.1)$/)
    expect(attempt({ connectorUrl: 'http://localhost:1' })().state).toBe('idle')
  })
})
