// Inline mounting with `container` (SPEC §3.1/§3.3): the iframe goes inside the host's element,
// leaves its children alone, and stays after exits until close()/destroy().
import { afterEach, expect, test } from 'vitest'
import {
  cleanup,
  create,
  dialogs,
  frameOf,
  makeContainer,
  openAndGetFrame,
  openInline,
  postFromFrame,
  quiltt,
  sync,
} from './helpers'

afterEach(cleanup)

function containerWithChildren() {
  const container = makeContainer()
  const first = document.createElement('p')
  first.textContent = 'Before'
  const second = document.createElement('span')
  second.textContent = 'After'
  container.append(first, second)
  return { container, children: [first, second] }
}

const elementChildren = (el: Element) => Array.from(el.children)

test('mounts the iframe inside the container element and leaves its children alone', async () => {
  const { container, children } = containerWithChildren()
  const connector = create({ container })
  const frame = await openAndGetFrame(connector)
  expect(container.contains(frame)).toBe(true)
  expect(elementChildren(container).slice(0, 2)).toEqual(children)
  expect(children.map((c) => c.textContent)).toEqual(['Before', 'After'])
  expect(dialogs()).toEqual([])
})

test('accepts a CSS selector for the container', async () => {
  const { container } = containerWithChildren()
  const connector = create({ container: `#${container.id}` })
  expect(container.contains(await openAndGetFrame(connector))).toBe(true)
})

test.each(['ExitSuccess', 'ExitAbort', 'ExitError'])('stays open after %s', async (type) => {
  const { connector, frame, log } = await openInline()
  postFromFrame(frame, quiltt(type))
  await sync(frame)
  expect(log).toHaveLength(3)
  expect(connector.state).toBe('open')
  expect(frame.isConnected).toBe(true)
})

test('close() and destroy() remove only the iframe', async () => {
  const { container, children } = containerWithChildren()
  const connector = create({ container })
  await connector.open()
  connector.close()
  expect(connector.state).toBe('closed')
  expect(frameOf(connector.connectorId)).toBeUndefined()
  expect(elementChildren(container)).toEqual(children)
  await connector.open()
  connector.destroy()
  expect(elementChildren(container)).toEqual(children)
})

test('does not lock page scroll and ignores Escape', async () => {
  const before = getComputedStyle(document.body).overflowY
  const { connector, log } = await openInline()
  expect(getComputedStyle(document.body).overflowY).toBe(before)
  expect(getComputedStyle(document.documentElement).overflowY).not.toBe('hidden')
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
  expect(log).toEqual([])
  expect(connector.state).toBe('open')
})
