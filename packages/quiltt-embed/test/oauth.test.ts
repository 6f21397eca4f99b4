// handleOAuthCallback relays an OAuth return URL into the Connector, and only into the Connector:
// the SDK posts with targetOrigin = the connector origin, never '*' (SPEC §4.1).
import { afterEach, expect, test } from 'vitest'
import {
  cleanup,
  create,
  navigateFrameAway,
  openInline,
  openModal,
  originOf,
  receivedMessages,
  sync,
  waitForMessage,
} from './helpers'

afterEach(cleanup)

const isOAuthEcho = (event: MessageEvent) => {
  const data = event.data as { fixture?: string; data?: { type?: string } } | null
  return data?.fixture === 'received' && data.data?.type === 'OAuthCallback'
}

test('delivers { source, type: OAuthCallback, data: { url, params } } to the connector frame', async () => {
  const { connector, frame } = await openInline()
  const url = 'https://app.example/cb?code=1&state=2'
  connector.handleOAuthCallback(url)
  const echo = await waitForMessage(
    (event) => event.source === frame.contentWindow && isOAuthEcho(event),
  )
  expect(echo.origin).toBe(originOf(connector.connectorId))
  expect(echo.data).toStrictEqual({
    fixture: 'received',
    origin: location.origin,
    data: {
      source: 'quiltt',
      type: 'OAuthCallback',
      data: { url, params: { code: '1', state: '2' } },
    },
  })
})

test('works the same in the modal', async () => {
  const { connector, frame } = await openModal()
  connector.handleOAuthCallback('https://app.example/cb?code=abc')
  const echo = await waitForMessage(
    (event) => event.source === frame.contentWindow && isOAuthEcho(event),
  )
  expect((echo.data as { data: { data: unknown } }).data.data).toStrictEqual({
    url: 'https://app.example/cb?code=abc',
    params: { code: 'abc' },
  })
})

test('before open() and after close() it is a harmless no-op', async () => {
  const { connector, frame } = await openInline()
  connector.close()
  expect(() => connector.handleOAuthCallback('https://app.example/cb?code=1')).not.toThrow()
  const idle = create()
  expect(() => idle.handleOAuthCallback('https://app.example/cb?code=1')).not.toThrow()
  expect(frame.isConnected).toBe(false)
})

test('is not delivered once the frame has navigated to another origin', async () => {
  const { connector, frame } = await openInline()
  const evilOrigin = await navigateFrameAway(frame)
  connector.handleOAuthCallback('https://app.example/cb?code=1&state=2')
  // A later message from this page to the same frame arrives after the OAuth one would have.
  await sync(frame)
  const leaked = receivedMessages().filter(
    (event) => event.origin === evilOrigin && isOAuthEcho(event),
  )
  expect(leaked).toEqual([])
})
