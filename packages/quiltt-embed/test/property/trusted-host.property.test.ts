// Property test of the host rule (SPEC §3.1 `connectorUrl`, §4.4), `isTrustedHost`: for random
// URLs built from Quiltt-like and attacker-like labels, IP literals, schemes, ports and user
// names, on random pages, with random `trustedHosts`, it agrees with `allowedBySpec`, the rule
// written from the spec in other terms (labels rather than suffixes, a list rather than a
// pattern). 10,000 runs each. A second property states the safety half on its own: whatever is
// accepted off loopback is https:, on the default port, and a Quiltt domain or a listed host.
// Replay a failure with the seed it prints: see arbitraries.ts.
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { isTrustedHost } from '../../src/check-host'
import { RUNS, TIMEOUT } from './arbitraries'

const QUILTT_DOMAINS = ['quiltt.app', 'quiltt.io', 'quiltt.dev']

/** `localhost` or a name under it (last label `localhost`), `127.0.0.1` or `[::1]`. */
const loopbackBySpec = (hostname: string) =>
  hostname === '127.0.0.1' || hostname === '[::1]' || hostname.split('.').at(-1) === 'localhost'

/** SPEC §3.1's rule for one URL, for a page on `pageHost`, with the author's `trustedHosts`. */
function allowedBySpec(url: URL, pageHost: string, trustedHosts: string[]): boolean {
  const { protocol, hostname, port } = url
  if (loopbackBySpec(hostname))
    return ['http:', 'https:'].includes(protocol) && loopbackBySpec(pageHost)
  if (protocol !== 'https:' || port !== '') return false
  const lastTwo = hostname.split('.').slice(-2).join('.')
  return (
    QUILTT_DOMAINS.includes(lastTwo) || trustedHosts.some((host) => host.toLowerCase() === hostname)
  )
}

const label = fc.oneof(
  fc.constantFrom(
    'quiltt',
    'QUILTT',
    'Quiltt',
    'app',
    'io',
    'dev',
    'com',
    'evil',
    'evilquiltt',
    'localhost',
    'LocalHost',
    'xn--qultt-o4a', // quıltt (dotless i), as the parser writes it
    'quıltt', // and as a user might type it
    'quіltt', // Cyrillic і
    '127',
    '0',
    '1',
    '',
  ),
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), maxLength: 8 }),
)
const dnsHost = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([labels, trailingDot]) => labels.join('.') + (trailingDot ? '.' : ''))
const ipHost = fc.oneof(
  fc
    .array(fc.constantFrom('0', '1', '2', '127', '255', '0x7f'), { minLength: 4, maxLength: 4 })
    .map((parts) => parts.join('.')),
  fc.constantFrom(
    '[::1]',
    '[0:0:0:0:0:0:0:1]',
    '[::ffff:127.0.0.1]',
    '[2001:db8::1]',
    '[::]',
    '127.1',
    '2130706433',
  ),
)
const host = fc.oneof({ weight: 4, arbitrary: dnsHost }, { weight: 1, arbitrary: ipHost })
const scheme = fc.constantFrom('https', 'http', 'HTTPS', 'ftp', 'wss')
const port = fc.constantFrom('', ':443', ':80', ':8443', ':3000')
const userinfo = fc.constantFrom('', 'quiltt.app@', 'user:pass@')
const suffix = fc.constantFrom(
  '/',
  '/v1/connector.js',
  '#.quiltt.app',
  '/.quiltt.app',
  '?x=.quiltt.app',
)

const url = fc
  .tuple(scheme, userinfo, host, port, suffix)
  .map(([s, user, h, p, rest]) => `${s}://${user}${h}${p}${rest}`)
  .map((text) => {
    try {
      return new URL(text)
    } catch {
      return undefined
    }
  })
  .filter((parsed): parsed is URL => parsed !== undefined)

const page = fc.constantFrom(
  'http://localhost:3000',
  'http://demo.localhost:5173',
  'http://127.0.0.1:8080',
  'http://[::1]:3000',
  'https://app.example.test',
  'https://127.0.0.2',
  'https://quiltt.app',
  'https://localhost.example.test',
)

/** Hosts the author might list: some that the URLs above produce, in any case, and junk. */
const trusted = fc.array(
  fc.oneof(
    dnsHost,
    fc.constantFrom('evil', 'evil.com', 'quiltt.app.evil', 'localhost', '*.evil.com'),
    dnsHost.map((name) => name.toUpperCase()),
  ),
  { maxLength: 3 },
)

test(
  'random URLs are accepted exactly when the spec’s rule says so',
  () => {
    fc.assert(
      fc.property(url, page, trusted, (target, pageUrl, hosts) => {
        const pageHost = new URL(pageUrl).hostname
        expect(isTrustedHost(target, new URL(pageUrl), hosts)).toBe(
          allowedBySpec(target, pageHost, hosts),
        )
      }),
      RUNS,
    )
  },
  TIMEOUT,
)

test(
  'whatever is accepted off loopback is https:, on the default port, Quiltt’s or listed',
  () => {
    fc.assert(
      fc.property(url, page, trusted, (target, pageUrl, hosts) => {
        if (!isTrustedHost(target, new URL(pageUrl), hosts) || loopbackBySpec(target.hostname))
          return
        expect(target.protocol).toBe('https:')
        expect(target.port).toBe('')
        const { hostname } = target
        const listed = hosts.map((name) => name.toLowerCase()).includes(hostname)
        const quiltt = QUILTT_DOMAINS.some(
          (domain) => hostname === domain || hostname.endsWith(`.${domain}`),
        )
        expect(listed || quiltt, hostname).toBe(true)
      }),
      RUNS,
    )
  },
  TIMEOUT,
)
