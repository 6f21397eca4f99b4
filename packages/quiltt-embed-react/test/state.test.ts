// useQuilttConnector: `state` re-renders the component through a whole flow, and the returned
// open/close drive the Connector.
import { createElement as h } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import {
  cleanup,
  connectorUrl,
  dialogs,
  iframes,
  makeToken,
  postFromFrame,
  quiltt,
  uniqueId,
  waitForLiveFrame,
} from '../../quiltt-embed/test/helpers'
import { type QuilttConnectorOptions, useQuilttConnector } from '../src/index'
import { render, unmountAll } from './render'
import { until } from './watch'

afterEach(() => {
  unmountAll()
  cleanup()
})

/** Renders the hook's state into the page, with buttons for open and close. */
function Probe(options: QuilttConnectorOptions) {
  const { open, close, preload, state } = useQuilttConnector(options)
  return h(
    'div',
    null,
    h('output', null, state),
    h(
      'button',
      { type: 'button', id: 'open', onClick: () => open().catch(() => undefined) },
      'Open',
    ),
    h('button', { type: 'button', id: 'close', onClick: close }, 'Close'),
    h('button', { type: 'button', id: 'preload', onClick: () => preload() }, 'Preload'),
  )
}

test('state goes idle → opening → open → closed (modal exit) and re-renders each time', async () => {
  const connectorId = uniqueId()
  const { host } = render(h(Probe, { connectorId, token: makeToken(), connectorUrl }))
  const shown = () => host.querySelector('output')!.textContent
  expect(shown()).toBe('idle')
  host.querySelector<HTMLButtonElement>('#open')!.click()
  await until(() => expect(shown()).toBe('opening'))
  const frame = await waitForLiveFrame(connectorId)
  await until(() => expect(shown()).toBe('open'))
  postFromFrame(frame, quiltt('ExitSuccess'))
  await until(() => expect(shown()).toBe('closed'))
  expect(dialogs()).toEqual([])
})

test('close() closes the modal and the state says so', async () => {
  const connectorId = uniqueId()
  const { host } = render(h(Probe, { connectorId, token: makeToken(), connectorUrl }))
  const shown = () => host.querySelector('output')!.textContent
  host.querySelector<HTMLButtonElement>('#open')!.click()
  await until(() => expect(shown()).toBe('open'))
  host.querySelector<HTMLButtonElement>('#close')!.click()
  await until(() => expect(shown()).toBe('closed'))
  expect(dialogs()).toEqual([])
})

test('a failed open returns the state to idle and reports the error', async () => {
  const onError = vi.fn()
  const connectorId = uniqueId()
  const { host } = render(
    h(Probe, { connectorId, connectorUrl, token: async () => 'not a token', onError }),
  )
  const shown = () => host.querySelector('output')!.textContent
  host.querySelector<HTMLButtonElement>('#open')!.click()
  await until(() => expect(onError).toHaveBeenCalledTimes(1))
  expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'INVALID_TOKEN' })
  await until(() => expect(shown()).toBe('idle'))
})

test('preload() prepares the Connector hidden; open() then shows that same iframe', async () => {
  const onLoad = vi.fn()
  const connectorId = uniqueId()
  const { host } = render(h(Probe, { connectorId, token: makeToken(), connectorUrl, onLoad }))
  const shown = () => host.querySelector('output')!.textContent
  host.querySelector<HTMLButtonElement>('#preload')!.click()
  const frame = await waitForLiveFrame(connectorId)
  expect(shown()).toBe('idle')
  expect(onLoad).not.toHaveBeenCalled()
  host.querySelector<HTMLButtonElement>('#open')!.click()
  await until(() => expect(shown()).toBe('open'))
  expect(onLoad).toHaveBeenCalledTimes(1)
  expect(iframes()).toEqual([frame])
})
