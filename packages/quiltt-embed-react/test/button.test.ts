// QuilttButton renders the caller's element: `as`, children and attributes pass through, and the
// caller's onClick comes first.
import { createElement as h, type ReactNode } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import {
  cleanup,
  connectorUrl,
  dialogs,
  makeToken,
  sync,
  uniqueId,
  waitForLiveFrame,
} from '../../quiltt-embed/test/helpers'
import { QuilttButton } from '../src/index'
import { render, unmountAll } from './render'

afterEach(() => {
  unmountAll()
  cleanup()
})

/** A component of the app's own, rendered by `as`. */
const Fancy = ({ children, onClick }: { children?: ReactNode; onClick?: () => void }) =>
  h('a', { href: '#link', role: 'button', onClick }, children)

const options = () => ({ connectorId: uniqueId(), token: makeToken(), connectorUrl })

test('a <button type="button"> with the children and attributes given', () => {
  const { host } = render(
    h(QuilttButton, { ...options(), className: 'cta', 'aria-describedby': 'hint', id: 'b' }, [
      h('strong', { key: 'a' }, 'Link'),
      ' your bank',
    ]),
  )
  const button = host.querySelector('button')!
  expect(button.outerHTML).toBe(
    '<button type="button" class="cta" aria-describedby="hint" id="b"><strong>Link</strong> your bank</button>',
  )
})

test('`as` renders another element or a component, which opens the Connector when clicked', async () => {
  const props = options()
  const { host } = render(h(QuilttButton, { ...props, as: Fancy }, 'Link'))
  const link = host.querySelector('a')!
  expect(link.textContent).toBe('Link')
  link.click()
  await waitForLiveFrame(props.connectorId)
  expect(dialogs()).toHaveLength(1)
})

test("the caller's onClick runs first; preventDefault() keeps the Connector closed", async () => {
  const props = options()
  const onClick = vi.fn((event: { preventDefault(): void }) => event.preventDefault())
  const onOpen = vi.fn()
  const { host } = render(h(QuilttButton, { ...props, onClick, onOpen }, 'Link'))
  host.querySelector('button')!.click()
  expect(onClick).toHaveBeenCalledTimes(1)
  // Let a Connector that was (wrongly) opening reach its iframe: a round trip through another.
  const other = options()
  const { host: otherHost } = render(h(QuilttButton, { ...other }, 'Other'))
  otherHost.querySelector('button')!.click()
  await sync(await waitForLiveFrame(other.connectorId))
  expect(onOpen).not.toHaveBeenCalled()
  expect(dialogs()).toHaveLength(1)
})
