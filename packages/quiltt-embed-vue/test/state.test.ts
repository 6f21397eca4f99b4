// useQuilttConnector: `state` is reactive through a whole flow, and open/close drive the Connector.
import { afterEach, expect, test, vi } from 'vitest'
import { defineComponent, h } from 'vue'
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
import { until } from '../../quiltt-embed-react/test/watch'
import { type QuilttConnectorOptions, useQuilttConnector } from '../src/index'
import { mount, unmountAll } from './mount'

afterEach(() => {
  unmountAll()
  cleanup()
})

/** Renders the composable's state, with buttons for open and close. */
const Probe = defineComponent<{ options: QuilttConnectorOptions }>(
  (props) => {
    const { open, close, preload, state } = useQuilttConnector(() => props.options)
    return () =>
      h('div', [
        h('output', state.value),
        h('button', { id: 'open', onClick: () => open().catch(() => undefined) }, 'Open'),
        h('button', { id: 'close', onClick: close }, 'Close'),
        h('button', { id: 'preload', onClick: () => preload() }, 'Preload'),
      ])
  },
  { props: ['options'] },
)

function mountProbe(options: QuilttConnectorOptions) {
  const { host } = mount(() => h(Probe, { options }))
  return {
    shown: () => host.querySelector('output')!.textContent,
    click: (id: string) => host.querySelector<HTMLButtonElement>(`#${id}`)!.click(),
  }
}

test('state goes idle → opening → open → closed (modal exit), re-rendering each time', async () => {
  const connectorId = uniqueId()
  const probe = mountProbe({ connectorId, token: makeToken(), connectorUrl })
  expect(probe.shown()).toBe('idle')
  probe.click('open')
  await until(() => expect(probe.shown()).toBe('opening'))
  const frame = await waitForLiveFrame(connectorId)
  await until(() => expect(probe.shown()).toBe('open'))
  postFromFrame(frame, quiltt('ExitSuccess'))
  await until(() => expect(probe.shown()).toBe('closed'))
  expect(dialogs()).toEqual([])
})

test('close() closes the modal and the state says so', async () => {
  const probe = mountProbe({ connectorId: uniqueId(), token: makeToken(), connectorUrl })
  probe.click('open')
  await until(() => expect(probe.shown()).toBe('open'))
  probe.click('close')
  await until(() => expect(probe.shown()).toBe('closed'))
  expect(dialogs()).toEqual([])
})

test('a failed open returns the state to idle and reports the error', async () => {
  const onError = vi.fn()
  const probe = mountProbe({
    connectorId: uniqueId(),
    connectorUrl,
    token: async () => 'not a token',
    onError,
  })
  probe.click('open')
  await until(() => expect(onError).toHaveBeenCalledTimes(1))
  expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'INVALID_TOKEN' })
  await until(() => expect(probe.shown()).toBe('idle'))
})

test('preload() prepares the Connector hidden; open() then shows that same iframe', async () => {
  const onLoad = vi.fn()
  const connectorId = uniqueId()
  const probe = mountProbe({ connectorId, token: makeToken(), connectorUrl, onLoad })
  probe.click('preload')
  const frame = await waitForLiveFrame(connectorId)
  expect(probe.shown()).toBe('idle')
  expect(onLoad).not.toHaveBeenCalled()
  probe.click('open')
  await until(() => expect(probe.shown()).toBe('open'))
  expect(onLoad).toHaveBeenCalledTimes(1)
  expect(iframes()).toEqual([frame])
})
