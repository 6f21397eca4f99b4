// One live Connector per component instance, and nothing left behind on unmount (SPEC §10).
import { afterEach, expect, test } from 'vitest'
import { h } from 'vue'
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
import { callback, until, watchFrames } from '../../quiltt-embed-react/test/watch'
import { QuilttButton, QuilttContainer } from '../src/index'
import { mount, unmountAll } from './mount'

afterEach(() => {
  unmountAll()
  cleanup()
})

test('QuilttButton: one click opens one modal with one iframe, each event once', async () => {
  const frames = watchFrames()
  const onOpen = callback()
  const onLoad = callback()
  const connectorId = uniqueId()
  const { host } = mount(() =>
    h(
      QuilttButton,
      { connectorId, token: makeToken(), connectorUrl, onOpen, onLoad },
      () => 'Link',
    ),
  )
  expect(iframes()).toEqual([])
  host.querySelector('button')!.click()
  await until(() => expect(onLoad).toHaveBeenCalledTimes(1))
  expect(onOpen).toHaveBeenCalledTimes(1)
  expect(dialogs()).toHaveLength(1)
  expect(iframes()).toHaveLength(1)
  expect(frames.max()).toBe(1)
})

test('QuilttContainer: one inline iframe in its element, loaded once', async () => {
  const frames = watchFrames()
  const onLoad = callback()
  const connectorId = uniqueId()
  const { host } = mount(() =>
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
  const { host, unmount } = mount(() =>
    h(QuilttButton, { connectorId, token: makeToken(), connectorUrl, onEvent }, () => 'Link'),
  )
  const listeners = trackGlobalListeners()
  try {
    const nodes = document.getElementsByTagName('*').length
    host.querySelector('button')!.click()
    await waitForLiveFrame(connectorId)
    await until(() => expect(onEvent).toHaveBeenCalledWith('loaded', expect.anything()))
    unmount()
    expect(iframes()).toEqual([])
    expect(dialogs()).toEqual([])
    // Only the button itself went with Vue's tree: the modal, iframe and loader went too.
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
    const { unmount } = mount(() =>
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
    mount(() =>
      h(QuilttContainer, {
        connectorId: uniqueId('noload'),
        token: makeToken(),
        connectorUrl,
        timeout: 1500,
        onError: clockError,
      }),
    )
    await until(() => expect(clockError).toHaveBeenCalledTimes(1))
    expect(onError).not.toHaveBeenCalled()
  } finally {
    listeners.stop()
  }
})
