// One live Connector per component instance, under StrictMode's double effects too, and nothing
// left behind on unmount (SPEC §10).
import { createElement as h } from 'react'
import { afterEach, expect, test } from 'vitest'
import {
  cleanup,
  connectorUrl,
  dialogs,
  frameOf,
  iframes,
  makeToken,
  trackGlobalListeners,
  uniqueId,
  waitForFrame,
  waitForLiveFrame,
} from '../../quiltt-embed/test/helpers'
import { QuilttButton, QuilttContainer } from '../src/index'
import { render, unmountAll } from './render'
import { callback, until, watchFrames } from './watch'

afterEach(() => {
  unmountAll()
  cleanup()
})

test('QuilttButton under StrictMode: one click opens one modal with one iframe, each event once', async () => {
  const frames = watchFrames()
  const onOpen = callback()
  const onLoad = callback()
  const connectorId = uniqueId()
  const { host } = render(
    h(QuilttButton, { connectorId, token: makeToken(), connectorUrl, onOpen, onLoad }, 'Link'),
  )
  expect(iframes()).toEqual([])
  host.querySelector('button')!.click()
  await until(() => expect(onLoad).toHaveBeenCalledTimes(1))
  expect(onOpen).toHaveBeenCalledTimes(1)
  expect(dialogs()).toHaveLength(1)
  expect(iframes()).toHaveLength(1)
  expect(frames.max()).toBe(1)
})

test('QuilttContainer under StrictMode: one inline iframe in its element, loaded once', async () => {
  const frames = watchFrames()
  const onLoad = callback()
  const connectorId = uniqueId()
  const { host } = render(
    h(QuilttContainer, { connectorId, token: makeToken(), connectorUrl, onLoad, id: 'inline' }),
  )
  await until(() => expect(onLoad).toHaveBeenCalledTimes(1))
  const container = host.querySelector('#inline')!
  expect(container.querySelector('iframe')).toBe(frameOf(connectorId))
  expect(iframes()).toHaveLength(1)
  expect(dialogs()).toEqual([])
  expect(frames.max()).toBe(1)
})

test('unmounting an open Connector removes every element and listener', async () => {
  const onEvent = callback()
  const connectorId = uniqueId()
  const { host, unmount } = render(
    h(QuilttButton, { connectorId, token: makeToken(), connectorUrl, onEvent }, 'Link'),
  )
  // Tracked from here: React's own document listeners are not the Connector's.
  const listeners = trackGlobalListeners()
  try {
    const nodes = document.getElementsByTagName('*').length
    host.querySelector('button')!.click()
    await waitForLiveFrame(connectorId)
    await until(() => expect(onEvent).toHaveBeenCalledWith('loaded', expect.anything()))
    unmount()
    expect(iframes()).toEqual([])
    expect(dialogs()).toEqual([])
    // Only the button itself went with React's tree: the modal, iframe and loader went too.
    expect(document.getElementsByTagName('*').length).toBe(nodes - 1)
    expect(listeners.net()).toEqual({})
  } finally {
    listeners.stop()
  }
})

test('unmounting while opening destroys the Connector: no iframe, no listener, no LOAD_TIMEOUT', async () => {
  const onError = callback()
  const onOpen = callback()
  const connectorId = uniqueId('noload')
  const listeners = trackGlobalListeners()
  try {
    const { unmount } = render(
      h(QuilttContainer, {
        connectorId,
        token: makeToken(),
        connectorUrl,
        timeout: 1000,
        onError,
        onOpen,
      }),
    )
    await waitForFrame(connectorId)
    expect(onOpen).toHaveBeenCalledTimes(1)
    unmount()
    expect(iframes()).toEqual([])
    expect(listeners.net()).toEqual({})
    // Let more than the 1000 ms timeout pass, measured by another Connector's own LOAD_TIMEOUT.
    const clockError = callback()
    render(
      h(QuilttContainer, {
        connectorId: uniqueId('noload'),
        token: makeToken(),
        connectorUrl,
        timeout: 1500,
        onError: clockError,
      }),
      { strict: false },
    )
    await until(() => expect(clockError).toHaveBeenCalledTimes(1))
    expect(onError).not.toHaveBeenCalled()
  } finally {
    listeners.stop()
  }
})
