// No failure is silent (SPEC §3.4): the binding's own listener does not count as the app's. Only
// while the parent listens to `@error` does the component's connector have an `error` listener;
// without one, the SDK writes the error to console.error, once, as one line.
import { afterEach, expect, test, vi } from 'vitest'
import { h, nextTick, shallowReactive } from 'vue'
import { cleanup, connectorUrl, uniqueId } from '../../quiltt-embed/test/helpers'
import { until } from '../../quiltt-embed-react/test/watch'
import { QuilttButton } from '../src/index'
import { mount, unmountAll } from './mount'

afterEach(() => {
  vi.restoreAllMocks()
  unmountAll()
  cleanup()
})

/** A QuilttButton whose token is not a session token, so every click fails to open. */
function mountFailing(onError?: (error: unknown) => void) {
  const listeners = shallowReactive<{ onError?: ((error: unknown) => void) | undefined }>({
    onError,
  })
  const { host } = mount(() =>
    h(
      QuilttButton,
      { connectorId: uniqueId(), connectorUrl, token: async () => 'not a token', ...listeners },
      () => 'Link',
    ),
  )
  return {
    click: () => host.querySelector('button')!.click(),
    async listen(handler?: (error: unknown) => void) {
      listeners.onError = handler
      await nextTick()
    },
  }
}

const consoleErrors = () => vi.spyOn(console, 'error').mockImplementation(() => {})

test('without @error, a failed open reaches console.error once, as one line', async () => {
  const logged = consoleErrors()
  mountFailing().click()
  await until(() => expect(logged).toHaveBeenCalledTimes(1))
  expect(logged.mock.calls[0]).toEqual([expect.stringMatching(/^\[quiltt-embed\] INVALID_TOKEN: /)])
})

test('with @error, the app hears it and the console stays quiet', async () => {
  const logged = consoleErrors()
  const onError = vi.fn()
  mountFailing(onError).click()
  await until(() => expect(onError).toHaveBeenCalledTimes(1))
  expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'INVALID_TOKEN' })
  expect(logged).not.toHaveBeenCalled()
})

test('an @error added later is honoured, and one taken away leaves the error to the console', async () => {
  const logged = consoleErrors()
  const onError = vi.fn()
  const app = mountFailing()
  await app.listen(onError)
  app.click()
  await until(() => expect(onError).toHaveBeenCalledTimes(1))
  expect(logged).not.toHaveBeenCalled()
  await app.listen(undefined)
  app.click()
  await until(() => expect(logged).toHaveBeenCalledTimes(1))
  expect(onError).toHaveBeenCalledTimes(1)
})
