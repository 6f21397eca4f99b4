// Props after mount: new callbacks apply to the same Connector; a new connectorId, connectionId,
// institution or transport makes a new one; other option changes do not (SPEC §10).

import { iframeTransport } from 'quiltt-embed'

import { createElement as h } from 'react'
import { afterEach, describe, expect, test } from 'vitest'
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
import { QuilttContainer, type QuilttContainerProps } from '../src/index'
import { render, unmountAll } from './render'
import { callback, until } from './watch'

afterEach(() => {
  unmountAll()
  cleanup()
})

/** A mounted, loaded QuilttContainer and a way to re-render it with changed props. */
async function loadedContainer(props: Partial<QuilttContainerProps> = {}) {
  const base = { connectorId: uniqueId(), token: makeToken(), connectorUrl, ...props }
  const onLoad = callback()
  const view = render(h(QuilttContainer, { ...base, onLoad }))
  await until(() => expect(onLoad).toHaveBeenCalledTimes(1))
  const frame = await waitForLiveFrame(base.connectorId)
  return {
    frame,
    onLoad,
    update: (changes: Partial<QuilttContainerProps>) =>
      view.rerender(h(QuilttContainer, { ...base, onLoad, ...changes })),
  }
}

test('a new callback prop is called instead of the old one, by the same Connector', async () => {
  const first = callback()
  const second = callback()
  const { frame, update } = await loadedContainer({ onExitSuccess: first })
  update({ onExitSuccess: second })
  postFromFrame(frame, quiltt('ExitSuccess', { connectionId: 'conn_1' }))
  await sync(frame)
  await until(() => expect(second).toHaveBeenCalledTimes(1))
  expect(second.mock.calls[0]![0]).toMatchObject({ connectionId: 'conn_1' })
  expect(first).not.toHaveBeenCalled()
  // Same iframe, still in the page: the Connector was not re-created.
  expect(frame.isConnected).toBe(true)
  expect(iframes()).toEqual([frame])
})

describe('a change of these props re-creates the Connector', () => {
  const cases: [string, Partial<QuilttContainerProps>, Partial<QuilttContainerProps>][] = [
    ['connectionId', { connectionId: 'conn_a' }, { connectionId: 'conn_b' }],
    ['institution', { institution: 'Chase' }, { institution: 'Ally' }],
    ['transport', {}, { transport: iframeTransport }],
    // Where the token may go: judged again at creation (SPEC §3.1, §4.4).
    ['connectorUrl', {}, { connectorUrl: `${connectorUrl}/` }],
    ['trustedHosts', { trustedHosts: ['a.example'] }, { trustedHosts: ['a.example', 'b.example'] }],
  ]
  test.each(cases)('%s', async (_name, before, after) => {
    const { frame, onLoad, update } = await loadedContainer(before)
    update(after)
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
    update({ connectorId })
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
  update({
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
