// Where the modal's parts sit: a prepared Connector is laid out at the size it is shown at (a
// closed <dialog> is display: none) and is shown in body even if the page took it out meanwhile;
// the close button is at the inline end (SPEC §6.1).
import { afterEach, expect, test, vi } from 'vitest'
import { cleanup, create, dialogs, frameOf, receivedMessages, uniqueId } from './helpers'
import { pageLoads } from './preload-helpers'

afterEach(cleanup)

/** The size the puppet reported just before its Load (connectorIds starting with `size`). */
async function sizeAtLoad(frame: HTMLIFrameElement) {
  const message = await vi.waitFor(() => {
    const found = receivedMessages().find(
      (event) => event.source === frame.contentWindow && event.data?.fixture === 'size',
    )
    if (!found) throw new Error('no size reported yet')
    return found
  })
  const { width, height } = message.data as { width: number; height: number }
  return { width, height }
}

test('a preloaded Connector loads at the size it is shown at, and showing it does not reload it', async () => {
  const connector = create({ connectorId: uniqueId('size') })
  await connector.preload()
  const frame = frameOf(connector.connectorId)!
  const atLoad = await sizeAtLoad(frame)
  await connector.open()
  expect(atLoad.width).toBeGreaterThan(0)
  expect(atLoad).toEqual({ width: frame.clientWidth, height: frame.clientHeight })
  expect(await pageLoads(connector.connectorId)).toBe(1)
})

test('a prepared modal the page took out (a body replaced) still opens, modal, in body', async () => {
  const connector = create()
  await connector.preload()
  const dialog = frameOf(connector.connectorId)!.closest('dialog')!
  dialog.remove()
  await connector.open()
  expect(dialog.parentElement).toBe(document.body)
  expect(dialog.matches(':modal')).toBe(true)
  expect(connector.state).toBe('open')
})

test.each([
  ['ltr', 'right'],
  ['rtl', 'left'],
] as const)('on a %s page the close button sits top-%s, at the inline end', async (dir, side) => {
  const root = document.documentElement
  root.dir = dir
  try {
    const connector = create()
    await connector.open()
    const dialog = dialogs()[0]!
    const panel = dialog.firstElementChild!.getBoundingClientRect()
    const close = dialog.querySelector('button')!.getBoundingClientRect()
    const gap = side === 'right' ? panel.right - close.right : close.left - panel.left
    expect(gap).toBeGreaterThanOrEqual(8)
    expect(gap).toBeLessThan(panel.width / 4)
    expect(close.top - panel.top).toBeLessThan(panel.height / 4)
  } finally {
    root.removeAttribute('dir')
  }
})
