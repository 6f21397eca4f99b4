// A prop changed to an invalid value (SPEC §10): createConnector refuses it, and that must never
// throw from a render or an effect (React would unmount the tree down to its error boundary) nor
// leave the old, destroyed Connector in place. The next open() rejects with the ConnectorError,
// which reaches onError or, unheard, the console once.
import { Component, createElement as h, type ReactNode } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import {
  cleanup,
  connectorUrl,
  iframes,
  makeToken,
  uniqueId,
  waitForLiveFrame,
} from '../../quiltt-embed/test/helpers'
import {
  type QuilttConnector,
  type QuilttConnectorOptions,
  QuilttContainer,
  useQuilttConnector,
} from '../src/index'
import { render, unmountAll } from './render'
import { until } from './watch'

afterEach(() => {
  vi.restoreAllMocks()
  unmountAll()
  cleanup()
})

/** Records what reached the error boundary, instead of the tree. */
class Boundary extends Component<{ caught: unknown[]; children?: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override componentDidCatch(error: unknown) {
    this.props.caught.push(error)
  }
  override render() {
    return this.state.failed ? null : this.props.children
  }
}

type ProbeProps = QuilttConnectorOptions & { expose: (actions: QuilttConnector) => void }
function Probe({ expose, ...options }: ProbeProps) {
  expose(useQuilttConnector(options))
  return null
}

function renderHook(options: Partial<QuilttConnectorOptions> = {}) {
  const caught: unknown[] = []
  let actions!: QuilttConnector
  const base = { connectorId: uniqueId(), token: makeToken(), connectorUrl }
  const tree = (changes: Partial<QuilttConnectorOptions>) =>
    h(
      Boundary,
      { caught },
      h(Probe, {
        ...base,
        ...options,
        ...changes,
        expose: (given) => {
          actions = given
        },
      }),
    )
  const view = render(tree({}))
  return {
    base,
    caught,
    actions: () => actions,
    rerender: (changes: Partial<QuilttConnectorOptions>) => view.rerender(tree(changes)),
  }
}

const consoleErrors = () => vi.spyOn(console, 'error').mockImplementation(() => {})
const reason = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error) => error,
  )

test('an invalid connectorId after mount: no throw, open() rejects with the code, reported once', async () => {
  const logged = consoleErrors()
  const hook = renderHook()
  hook.rerender({ connectorId: 'not a connector id!' })
  expect(hook.caught).toEqual([])

  let opening: Promise<void> | undefined
  expect(() => {
    opening = hook.actions().open()
  }).not.toThrow()
  expect(await reason(opening!)).toMatchObject({
    name: 'ConnectorError',
    code: 'INVALID_CONNECTOR_ID',
  })
  await until(() => expect(logged).toHaveBeenCalledTimes(1))
  expect(logged.mock.calls[0]).toEqual([
    expect.stringMatching(/^\[quiltt-embed\] INVALID_CONNECTOR_ID: /),
  ])
  expect(iframes()).toEqual([])
  expect(await reason(hook.actions().preload())).toMatchObject({ code: 'INVALID_CONNECTOR_ID' })
  // A failed preload says nothing more, as the SDK's own.
  expect(logged).toHaveBeenCalledTimes(1)

  // Back to a valid value: a new Connector opens.
  hook.rerender({ connectorId: hook.base.connectorId })
  const open = hook.actions().open()
  await waitForLiveFrame(hook.base.connectorId)
  await open
  expect(hook.caught).toEqual([])
})

test('with onError, the app hears the create failure at open() and the console stays quiet', async () => {
  const logged = consoleErrors()
  const onError = vi.fn()
  const hook = renderHook({ onError })
  hook.rerender({ themeMode: 'sepia' as never })
  await reason(hook.actions().open())
  await until(() => expect(onError).toHaveBeenCalledTimes(1))
  expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'INVALID_OPTIONS' })
  expect(logged).not.toHaveBeenCalled()
  expect(hook.caught).toEqual([])
})

test('a QuilttContainer mounted with an invalid value reports once, not at every render', async () => {
  const logged = consoleErrors()
  const caught: unknown[] = []
  // A stable token (a new one would be a new session, and so a new Connector, at every render).
  const token = makeToken()
  const tree = (label: string) =>
    h(
      Boundary,
      { caught },
      h('p', null, label),
      h(QuilttContainer, { connectorId: '-bad-', token, connectorUrl }),
    )
  const view = render(tree('first'))
  await until(() => expect(logged).toHaveBeenCalledTimes(1))
  expect(logged.mock.calls[0]).toEqual([
    expect.stringMatching(/^\[quiltt-embed\] INVALID_CONNECTOR_ID: /),
  ])
  // The parent re-renders with the same props: nothing new to report.
  view.rerender(tree('second'))
  view.rerender(tree('third'))
  expect(view.host.textContent).toBe('third')
  // Reports are made after the task that opened: by now any report of these renders is made.
  await Promise.resolve()
  expect(logged).toHaveBeenCalledTimes(1)
  expect(caught).toEqual([])
})
