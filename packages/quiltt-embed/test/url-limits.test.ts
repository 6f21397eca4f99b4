// URL limits at both ends of the OAuth relay (issue 19, item 8; SPEC §4.1). A Navigate URL the
// Connector sends is one the host page may open: one carrying a user name or password (a phishing
// staple, `https://bank.example@evil.example/`) or longer than 8,192 characters is dropped. A URL
// the page hands to handleOAuthCallback goes into the Connector: only https: (http: on loopback),
// at most 8,192 characters, else INVALID_OPTIONS, before anything is posted.
import { afterEach, expect, test } from 'vitest'
import {
  catchError,
  cleanup,
  openInline,
  postFromFrame,
  quiltt,
  receivedMessages,
  sync,
} from './helpers'

afterEach(cleanup)

/** An https URL of exactly `length` characters. */
const urlOfLength = (length: number) => {
  const base = 'https://bank.example/oauth?state='
  return base + 'x'.repeat(length - base.length)
}

test.each([
  ['a user name', 'https://bank.example@evil.example/oauth'],
  ['a user name and password', 'https://user:secret@bank.example/oauth'],
  ['only a password', 'https://:secret@bank.example/oauth'],
  ['8,193 characters', urlOfLength(8193)],
])('a Navigate URL with %s is dropped', async (_label, url) => {
  const { frame, log } = await openInline()
  postFromFrame(frame, quiltt('Navigate', { url }))
  await sync(frame)
  expect(log).toEqual([])
})

test('a Navigate URL of exactly 8,192 characters is emitted', async () => {
  const { frame, log } = await openInline()
  const url = urlOfLength(8192)
  postFromFrame(frame, quiltt('Navigate', { url }))
  await sync(frame)
  expect(log.map(([name, first]) => [name, first])).toEqual([['navigate', url]])
})

const relayed = (frame: HTMLIFrameElement) =>
  receivedMessages().filter((event) => {
    const data = event.data as { fixture?: string; data?: { type?: string } } | null
    return (
      event.source === frame.contentWindow &&
      data?.fixture === 'received' &&
      data.data?.type === 'OAuthCallback'
    )
  })

test.each([
  ['javascript:', 'javascript:alert(document.domain)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['http: on a public host', 'http://app.example/cb?code=1'],
  ['a user name and password', 'https://user:secret@app.example/cb?code=1'],
  ['8,193 characters', urlOfLength(8193)],
  ['a non-string', 42],
])(
  'handleOAuthCallback refuses %s with INVALID_OPTIONS and relays nothing',
  async (_label, url) => {
    const { connector, frame } = await openInline()
    const error = catchError(() => connector.handleOAuthCallback(url as string))
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toMatch(/handleOAuthCallback/)
    expect(error.message).toMatch(/https:/)
    // A valid one after it arrives alone: nothing was posted for the refused one.
    connector.handleOAuthCallback('https://app.example/cb?code=ok')
    await sync(frame)
    expect(relayed(frame).map((event) => event.data.data.data.url)).toEqual([
      'https://app.example/cb?code=ok',
    ])
  },
)

test.each([
  ['https: of exactly 8,192 characters', urlOfLength(8192)],
  ['http: on localhost', 'http://localhost:5173/cb?code=1'],
  ['http: on 127.0.0.1', 'http://127.0.0.1:5173/cb?code=1'],
])('handleOAuthCallback relays %s', async (_label, url) => {
  const { connector, frame } = await openInline()
  connector.handleOAuthCallback(url)
  await sync(frame)
  expect(relayed(frame).map((event) => event.data.data.data.url)).toEqual([url])
})
