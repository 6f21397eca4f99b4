// Runs the README's ESM quick start (./readme/quick-start.ts) as written: it POSTs to the page's
// own /api/quiltt/session and opens the real Quiltt origin with the token it got. Quiltt itself is
// unreachable from tests, so the test closes the modal, which settles the sample's `open()`.
import { afterEach, expect, test, vi } from 'vitest'
import { cleanup, dialogs, makeToken, onCleanup } from './helpers'
import { answerTokenRequests } from './token-requests'

afterEach(cleanup)

test('the ESM quick start asks /api/quiltt/session and opens abc123.quiltt.app with that token', async () => {
  const token = makeToken()
  const requests = answerTokenRequests(() => Response.json({ token }), onCleanup)
  const sample = import('./readme/quick-start')
  const frame = await vi.waitFor(() => {
    const found = dialogs()[0]?.querySelector('iframe')
    if (!found) throw new Error('no Connector iframe yet')
    return found
  })
  expect(requests.map(({ url, method }) => [url, method])).toEqual([
    [`${location.origin}/api/quiltt/session`, 'POST'],
  ])
  const src = new URL(frame.src)
  expect(src.origin).toBe('https://abc123.quiltt.app')
  expect(src.searchParams.get('token')).toBe(token)
  dialogs()[0]!.querySelector('button')!.click()
  await sample
  expect(dialogs()).toEqual([])
})
