// No failure is silent (SPEC §3.4): the binding's own listener does not count as the app's. Only
// while the app gives `onError` does its connector have an `error` listener; without one, the
// SDK writes the error to console.error, once, as one line.
import { createElement as h } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import { cleanup, connectorUrl, uniqueId } from '../../quiltt-embed/test/helpers'
import { type QuilttConnector, type QuilttConnectorOptions, useQuilttConnector } from '../src/index'
import { render, unmountAll } from './render'
import { until } from './watch'

afterEach(() => {
  vi.restoreAllMocks()
  unmountAll()
  cleanup()
})

type ProbeProps = QuilttConnectorOptions & { expose: (actions: QuilttConnector) => void }
function Probe({ expose, ...options }: ProbeProps) {
  expose(useQuilttConnector(options))
  return null
}

/** A hook whose token provider gives a value that is not a session token: open() fails. */
function renderFailing(onError?: (error: unknown) => void) {
  const connectorId = uniqueId()
  let actions!: QuilttConnector
  const token = async () => 'not a session token'
  const probe = (handler?: (error: unknown) => void) =>
    h(Probe, {
      connectorId,
      connectorUrl,
      token,
      onError: handler,
      expose: (given) => {
        actions = given
      },
    })
  const view = render(probe(onError))
  return {
    open: () => actions.open().catch(() => undefined),
    rerender: (handler?: (error: unknown) => void) => view.rerender(probe(handler)),
  }
}

const consoleErrors = () => vi.spyOn(console, 'error').mockImplementation(() => {})

test('without onError, a failed open reaches console.error once, as one line', async () => {
  const logged = consoleErrors()
  const app = renderFailing()
  await app.open()
  await until(() => expect(logged).toHaveBeenCalledTimes(1))
  expect(logged.mock.calls[0]).toEqual([expect.stringMatching(/^\[quiltt-embed\] INVALID_TOKEN: /)])
})

test('with onError, the app hears it and the console stays quiet', async () => {
  const logged = consoleErrors()
  const onError = vi.fn()
  const app = renderFailing(onError)
  await app.open()
  await until(() => expect(onError).toHaveBeenCalledTimes(1))
  expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'INVALID_TOKEN' })
  expect(logged).not.toHaveBeenCalled()
})

test('an onError given later is honoured, and one taken away leaves the error to the console', async () => {
  const logged = consoleErrors()
  const onError = vi.fn()
  const app = renderFailing()
  app.rerender(onError)
  await app.open()
  await until(() => expect(onError).toHaveBeenCalledTimes(1))
  expect(logged).not.toHaveBeenCalled()
  app.rerender(undefined)
  await app.open()
  await until(() => expect(logged).toHaveBeenCalledTimes(1))
  expect(onError).toHaveBeenCalledTimes(1)
})

test('a polluted Object.prototype.onError is no listener: the error still reaches console.error', async () => {
  const logged = consoleErrors()
  const prototype = Object.prototype as Record<string, unknown>
  const heard = vi.fn()
  prototype.onError = heard
  try {
    let actions!: QuilttConnector
    const token = async () => 'not a session token'
    render(
      h(Probe, {
        connectorId: uniqueId(),
        connectorUrl,
        token,
        expose: (given) => {
          actions = given
        },
      }),
    )
    await actions.open().catch(() => undefined)
    await until(() => expect(logged).toHaveBeenCalledTimes(1))
    expect(heard).not.toHaveBeenCalled()
  } finally {
    delete prototype.onError
  }
})
