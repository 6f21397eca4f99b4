// Props after mount: new listeners apply to the same Connector; a new connectorId, connectionId,
// institution or transport makes a new one; other option changes do not (SPEC §10).

import { iframeTransport } from 'quiltt-embed'
import { afterEach, describe, expect, test } from 'vitest'
import { h, nextTick, reactive } from 'vue'
import {
  cleanup,
  connectorUrl,
  frameOf,
  iframes,
  makeToken,
  postFromFrame,
  quiltt,
  sync,
  uniqueId,
  waitForLiveFrame,
} from '../../quiltt-embed/test/helpers'
import { callback, until } from '../../quiltt-embed-react/test/watch'
import { QuilttContainer } from '../src/index'
import { mount, unmountAll } from './mount'

afterEach(() => {
  unmountAll()
  cleanup()
})

/** A mounted, loaded QuilttContainer whose props are a reactive object the test changes. */
async function loadedContainer(extra: Record<string, unknown> = {}) {
  const onLoad = callback()
  const props: Record<string, unknown> = reactive({
    connectorId: uniqueId(),
    token: makeToken(),
    connectorUrl,
    onLoad,
    ...extra,
  })
  mount(() => h(QuilttContainer, props as never))
  await until(() => expect(onLoad).toHaveBeenCalledTimes(1))
  const frame = await waitForLiveFrame(props.connectorId as string)
  return {
    frame,
    onLoad,
    async update(changes: Record<string, unknown>) {
      Object.assign(props, changes)
      await nextTick()
    },
  }
}

test('a new listener is called instead of the old one, by the same Connector', async () => {
  const first = callback()
  const second = callback()
  const { frame, update } = await loadedContainer({ onExitSuccess: first })
  await update({ onExitSuccess: second })
  postFromFrame(frame, quiltt('ExitSuccess', { connectionId: 'conn_1' }))
  await sync(frame)
  await until(() => expect(second).toHaveBeenCalledTimes(1))
  expect(second.mock.calls[0]![0]).toMatchObject({ connectionId: 'conn_1' })
  expect(first).not.toHaveBeenCalled()
  expect(frame.isConnected).toBe(true)
  expect(iframes()).toEqual([frame])
})

describe('a change of these props re-creates the Connector', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['connectionId', { connectionId: 'conn_a' }, { connectionId: 'conn_b' }],
    ['institution', { institution: 'Chase' }, { institution: 'Ally' }],
    ['transport', {}, { transport: iframeTransport }],
    // Where the token may go: judged again at creation (SPEC §3.1, §4.4).
    ['connectorUrl', {}, { connectorUrl: `${connectorUrl}/` }],
    ['trustedHosts', { trustedHosts: ['a.example'] }, { trustedHosts: ['a.example', 'b.example'] }],
  ]
  test.each(cases)('%s', async (_name, before, after) => {
    const { frame, onLoad, update } = await loadedContainer(before)
    await update(after)
    expect(frame.isConnected).toBe(false)
    await until(() => expect(onLoad).toHaveBeenCalledTimes(2))
    expect(iframes()).toHaveLength(1)
    const url = new URL(iframes()[0]!.src)
    if (after.connectionId) expect(url.searchParams.get('connectionId')).toBe(after.connectionId)
    if (after.institution) expect(url.searchParams.get('institution')).toBe(after.institution)
  })

  test('connectorId', async () => {
    const { frame, onLoad, update } = await loadedContainer()
    const connectorId = uniqueId()
    await update({ connectorId })
    expect(frame.isConnected).toBe(false)
    await until(() => expect(onLoad).toHaveBeenCalledTimes(2))
    expect(iframes()).toEqual([frameOf(connectorId)])
  })
})

test('other option changes keep the Connector', async () => {
  const { frame, onLoad, update } = await loadedContainer({
    timeout: 15_000,
    trustedHosts: ['a.example'],
  })
  // trustedHosts in a new array naming the same hosts is no change: compared by value.
  await update({
    timeout: 20_000,
    nonce: 'n0nce',
    appLauncherUrl: 'https://app.example/return',
    trustedHosts: ['a.example'],
  })
  await sync(frame)
  expect(frame.isConnected).toBe(true)
  expect(onLoad).toHaveBeenCalledTimes(1)
  // A connector option, not an attribute of the element.
  expect(document.querySelector('[trustedhosts], [trusted-hosts]')).toBeNull()
})
