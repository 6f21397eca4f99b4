// Where the token comes from: the `token` prop, else the nearest QuilttTokenProvider, whose
// function is only called when the Connector opens (SPEC §10).
import { afterEach, expect, test, vi } from 'vitest'
import { h, nextTick, shallowRef } from 'vue'
import {
  cleanup,
  connectorUrl,
  makeToken,
  uniqueId,
  waitForFrame,
} from '../../quiltt-embed/test/helpers'
import { QuilttButton, QuilttContainer, QuilttTokenProvider } from '../src/index'
import { mount, unmountAll } from './mount'

afterEach(() => {
  unmountAll()
  cleanup()
})

const tokenOf = (frame: HTMLIFrameElement) => new URL(frame.src).searchParams.get('token')

test("the provider's function is called only when the Connector opens", async () => {
  const token = makeToken()
  const provider = vi.fn(async () => token)
  const connectorId = uniqueId()
  const { host } = mount(() =>
    h(QuilttTokenProvider, { token: provider }, () =>
      h(QuilttButton, { connectorId, connectorUrl }, () => 'Link'),
    ),
  )
  expect(provider).not.toHaveBeenCalled()
  host.querySelector('button')!.click()
  const frame = await waitForFrame(connectorId)
  expect(provider).toHaveBeenCalledTimes(1)
  expect(tokenOf(frame)).toBe(token)
})

test("a provider's string token is used", async () => {
  const token = makeToken()
  const connectorId = uniqueId()
  mount(() =>
    h(QuilttTokenProvider, { token }, () => h(QuilttContainer, { connectorId, connectorUrl })),
  )
  expect(tokenOf(await waitForFrame(connectorId))).toBe(token)
})

test('a token prop wins over the provider, which is never called', async () => {
  const mine = makeToken()
  const provider = vi.fn(async () => makeToken())
  const connectorId = uniqueId()
  mount(() =>
    h(QuilttTokenProvider, { token: provider }, () =>
      h(QuilttContainer, { connectorId, connectorUrl, token: mine }),
    ),
  )
  expect(tokenOf(await waitForFrame(connectorId))).toBe(mine)
  expect(provider).not.toHaveBeenCalled()
})

test('the latest provider function is the one called', async () => {
  const token = makeToken()
  const stale = vi.fn(async () => makeToken())
  const fresh = vi.fn(async () => token)
  const provider = shallowRef<() => Promise<string>>(stale)
  const connectorId = uniqueId()
  const { host } = mount(() =>
    h(QuilttTokenProvider, { token: provider.value }, () =>
      h(QuilttButton, { connectorId, connectorUrl }, () => 'Link'),
    ),
  )
  provider.value = fresh
  await nextTick()
  host.querySelector('button')!.click()
  expect(tokenOf(await waitForFrame(connectorId))).toBe(token)
  expect(stale).not.toHaveBeenCalled()
})
