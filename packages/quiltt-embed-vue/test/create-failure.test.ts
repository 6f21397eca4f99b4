// A prop changed to an invalid value (SPEC §10): createConnector refuses it, and that must never
// throw from a render, a watcher or a hook (Vue would hand it to the app's errorHandler) nor leave
// the old, destroyed Connector in place. The next open() rejects with the ConnectorError, which
// reaches @error or, unheard, the console once.
import { afterEach, expect, test, vi } from 'vitest'
import { h, nextTick, shallowReactive } from 'vue'
import {
  cleanup,
  connectorUrl,
  iframes,
  makeToken,
  uniqueId,
  waitForLiveFrame,
} from '../../quiltt-embed/test/helpers'
import { until } from '../../quiltt-embed-react/test/watch'
import { QuilttButton, QuilttContainer } from '../src/index'
import { mount, unmountAll } from './mount'

afterEach(() => {
  vi.restoreAllMocks()
  unmountAll()
  cleanup()
})

const consoleErrors = () => vi.spyOn(console, 'error').mockImplementation(() => {})

/** A QuilttButton whose props can change; errors Vue would hand to the app are collected. */
function mountButton(onError?: (error: unknown) => void) {
  const connectorId = uniqueId()
  const props = shallowReactive<Record<string, unknown>>({
    connectorId,
    connectorUrl,
    token: makeToken(),
    onError,
  })
  const caught: unknown[] = []
  const { host } = mount(
    () => h(QuilttButton as never, { ...props }, () => 'Link'),
    (error) => caught.push(error),
  )
  return { connectorId, props, caught, click: () => host.querySelector('button')!.click() }
}

test('an invalid connectorId after mount: nothing thrown, a click reports the code once', async () => {
  const logged = consoleErrors()
  const button = mountButton()
  button.props.connectorId = 'not a connector id!'
  await nextTick()
  button.click()
  await until(() => expect(logged).toHaveBeenCalledTimes(1))
  expect(logged.mock.calls[0]).toEqual([
    expect.stringMatching(/^\[quiltt-embed\] INVALID_CONNECTOR_ID: /),
  ])
  expect(iframes()).toEqual([])
  expect(button.caught).toEqual([])

  // Back to a valid value: a click opens a Connector.
  button.props.connectorId = button.connectorId
  await nextTick()
  button.click()
  await waitForLiveFrame(button.connectorId)
  expect(logged).toHaveBeenCalledTimes(1)
  expect(button.caught).toEqual([])
})

test('with @error, the app hears the create failure and the console stays quiet', async () => {
  const logged = consoleErrors()
  const onError = vi.fn()
  const button = mountButton(onError)
  button.props.themeMode = 'sepia'
  await nextTick()
  button.click()
  await until(() => expect(onError).toHaveBeenCalledTimes(1))
  expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'INVALID_OPTIONS' })
  expect(logged).not.toHaveBeenCalled()
  expect(button.caught).toEqual([])
})

test('a QuilttContainer mounted with an invalid value reports once, not at every render', async () => {
  const logged = consoleErrors()
  const caught: unknown[] = []
  const page = shallowReactive({ label: 'first' })
  // A stable token (a new one would be a new session, and so a new Connector, at every render).
  const token = makeToken()
  const { host } = mount(
    () => [h('p', page.label), h(QuilttContainer, { connectorId: '-bad-', token, connectorUrl })],
    (error) => caught.push(error),
  )
  await until(() => expect(logged).toHaveBeenCalledTimes(1))
  expect(logged.mock.calls[0]).toEqual([
    expect.stringMatching(/^\[quiltt-embed\] INVALID_CONNECTOR_ID: /),
  ])
  page.label = 'second'
  await nextTick()
  page.label = 'third'
  await nextTick()
  expect(host.textContent).toBe('third')
  expect(logged).toHaveBeenCalledTimes(1)
  expect(caught).toEqual([])
})
