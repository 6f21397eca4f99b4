// The README's quick start runs as written (test/readme/link-bank.tsx, imported through the
// package's own entry): a click asks the token URL and opens Quiltt's Connector with that token;
// after a sign-out and another sign-in, the next click asks the URL again.
import { createElement as h } from 'react'
import { afterEach, expect, test } from 'vitest'
import { cleanup, dialogs, makeToken, onCleanup } from '../../quiltt-embed/test/helpers'
import { answerTokenRequests } from '../../quiltt-embed/test/token-requests'
import { LinkBank } from './readme/link-bank'
import { render, unmountAll } from './render'
import { until } from './watch'

afterEach(() => {
  unmountAll()
  cleanup()
})

/** The Connector frame's token, once the modal shows it (Quiltt itself is not reached here). */
async function openedToken() {
  const frame = await until(() => {
    const found = document.querySelector<HTMLIFrameElement>('[role="dialog"] iframe')
    expect(found?.src).toMatch(/^https:\/\/abc123\.quiltt\.app\//)
    return found!
  })
  return new URL(frame.src).searchParams.get('token')
}

test('the quick start: the token URL is asked at the click, and again after another sign-in', async () => {
  const tokens = [makeToken(), makeToken()]
  let answered = 0
  const requests = answerTokenRequests(
    () => Response.json({ token: tokens[answered++] }),
    onCleanup,
  )
  const view = render(h(LinkBank, { userId: 'alice' }))
  expect(requests).toEqual([])
  view.host.querySelector('button')!.click()
  expect(await openedToken()).toBe(tokens[0])
  expect(requests.map((request) => new URL(request.url).pathname)).toEqual(['/api/quiltt/session'])
  // The user closes the modal, signs out, and Bob signs in.
  document.querySelector<HTMLButtonElement>('[role="dialog"] button')!.click()
  await until(() => expect(dialogs()).toEqual([]))
  view.rerender(h(LinkBank, { userId: undefined }))
  view.rerender(h(LinkBank, { userId: 'bob' }))
  view.host.querySelector('button')!.click()
  expect(await openedToken()).toBe(tokens[1])
  expect(requests).toHaveLength(2)
})
