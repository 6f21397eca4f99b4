// The Connector iframe URL and attributes (SPEC §4.1).
import { afterEach, expect, test, vi } from 'vitest'
import { createConnector, version } from '../src/index'
import {
  cleanup,
  create,
  embedLocation,
  makeContainer,
  makeToken,
  onCleanup,
  openAndGetFrame,
  originOf,
  rejection,
  reportedUrl,
  uniqueId,
} from './helpers'

afterEach(cleanup)

test('the URL is the connector origin with mode, token, agent and embed_location only', async () => {
  const token = makeToken()
  const connector = create({ token, container: makeContainer() })
  const frame = await openAndGetFrame(connector)
  const url = new URL(frame.src)
  expect(url.origin).toBe(originOf(connector.connectorId))
  expect(url.pathname).toBe('/')
  expect(url.hash).toBe('')
  expect([...url.searchParams.keys()].sort()).toEqual(['agent', 'embed_location', 'mode', 'token'])
  expect(url.searchParams.get('mode')).toBe('INLINE')
  expect(url.searchParams.get('token')).toBe(token)
  // Who embeds the Connector, in our own name (SPEC §4.4), as Quiltt's SDKs say theirs.
  expect(url.searchParams.get('agent')).toBe(`quiltt-embed/${version}`)
  expect(url.searchParams.get('embed_location')).toBe(embedLocation())
})

test('the frame really loaded that URL', async () => {
  const connector = create({ container: makeContainer() })
  const frame = await openAndGetFrame(connector)
  expect((await reportedUrl(frame)).href).toBe(new URL(frame.src).href)
})

test('embed_location never carries the page query string or fragment', async () => {
  const original = location.href
  onCleanup(() => history.replaceState(history.state, '', original))
  const separator = location.search ? '&' : '?'
  history.replaceState(history.state, '', `${location.search}${separator}secret=1#frag`)
  expect(location.href).toContain('secret=1')
  const connector = create({ container: makeContainer() })
  const frame = await openAndGetFrame(connector)
  const url = new URL(frame.src)
  expect(url.searchParams.get('embed_location')).toBe(location.origin + location.pathname)
  expect(frame.src).not.toContain('secret')
  expect(frame.src).not.toContain('frag')
  expect(decodeURIComponent(frame.src)).not.toContain('secret')
  expect(decodeURIComponent(frame.src)).not.toContain('frag')
})

test('connectionId, institution and appLauncherUrl are passed when given', async () => {
  const connector = create({
    container: makeContainer(),
    connectionId: 'conn_12 3&x=y',
    institution: 'Chase & Co #1',
    appLauncherUrl: 'https://app.example/oauth?from=quiltt&x=1',
  })
  const url = new URL((await openAndGetFrame(connector)).src)
  expect([...url.searchParams.keys()].sort()).toEqual([
    'agent',
    'app_launcher_url',
    'connectionId',
    'embed_location',
    'institution',
    'mode',
    'token',
  ])
  expect(url.searchParams.get('connectionId')).toBe('conn_12 3&x=y')
  expect(url.searchParams.get('institution')).toBe('Chase & Co #1')
  expect(url.searchParams.get('app_launcher_url')).toBe('https://app.example/oauth?from=quiltt&x=1')
})

test('the iframe has the Quiltt title and allows WebAuthn', async () => {
  const frame = await openAndGetFrame(create({ container: makeContainer() }))
  expect(frame.getAttribute('title')).toBe('Quiltt Connector')
  expect(frame.getAttribute('allow')).toBe('publickey-credentials-get *')
})

test('the modal iframe uses the same URL shape', async () => {
  const token = makeToken()
  const connector = create({ token })
  const url = new URL((await openAndGetFrame(connector)).src)
  expect(url.origin).toBe(originOf(connector.connectorId))
  expect(url.searchParams.get('mode')).toBe('INLINE')
  expect(url.searchParams.get('token')).toBe(token)
})

test('connectorUrl "/" is the same origin; "{connectorId}" is substituted', async () => {
  const connectorId = uniqueId()
  const connector = create({
    connectorId,
    container: makeContainer(),
    connectorUrl: `${originOf('{connectorId}')}/`,
  })
  expect(new URL((await openAndGetFrame(connector)).src).origin).toBe(originOf(connectorId))
})

test('by default the Connector is https://{connectorId}.quiltt.app', async () => {
  const connectorId = uniqueId()
  const connector = createConnector({
    connectorId,
    token: makeToken(),
    container: makeContainer(),
    timeout: 60_000,
  })
  const opening = connector.open()
  const frame = await vi.waitFor(() => {
    const found = document.querySelector('iframe')
    if (!found) throw new Error('no iframe yet')
    return found
  })
  expect(new URL(frame.src).origin).toBe(`https://${connectorId}.quiltt.app`)
  connector.destroy()
  expect((await rejection(opening)).code).toBe('DESTROYED')
})
