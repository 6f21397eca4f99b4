// Options handed over as new objects are compared by value: `{ url }` token sources by their url,
// `themeMode` and `labels` by what they say. A change applies at the next open and discards a
// prepared Connector; an equal one keeps it; one on screen is left alone (SPEC §6, §10).
import type { ConnectorError } from 'quiltt-embed'
import { afterEach, expect, test } from 'vitest'
import { defineComponent, h, nextTick, shallowRef } from 'vue'
import {
  cleanup,
  connectorUrl,
  dialogs,
  frameOf,
  iframes,
  makeToken,
  onCleanup,
  postFromFrame,
  quiltt,
  uniqueId,
  waitForFrame,
  waitForLiveFrame,
} from '../../quiltt-embed/test/helpers'
import { answerTokenRequests } from '../../quiltt-embed/test/token-requests'
import { until } from '../../quiltt-embed-react/test/watch'
import { type QuilttConnector, type QuilttConnectorOptions, useQuilttConnector } from '../src/index'
import { mount, unmountAll } from './mount'

afterEach(() => {
  unmountAll()
  cleanup()
})

type Settings = Partial<QuilttConnectorOptions>

/** The composable with options the test replaces by new objects, as a parent's render would. */
function mountProbe(first: Settings) {
  const connectorId = uniqueId()
  const settings = shallowRef<Settings>(first)
  let actions!: QuilttConnector
  const Probe = defineComponent(() => {
    actions = useQuilttConnector(() => ({ connectorId, connectorUrl, ...settings.value }))
    return () => h('output')
  })
  mount(() => h(Probe))
  return {
    connectorId,
    async change(next: Settings) {
      settings.value = next
      await nextTick()
    },
    actions: () => actions,
  }
}

test('a new { url } object with the same url keeps the prepared Connector; another url drops it', async () => {
  const requests = answerTokenRequests(() => Response.json({ token: makeToken() }), onCleanup)
  const app = mountProbe({ token: { url: '/api/alice/session' } })
  await app.actions().preload()
  const prepared = frameOf(app.connectorId)!
  await app.change({ token: { url: '/api/alice/session' } })
  expect(prepared.isConnected).toBe(true)
  await app.change({ token: { url: '/api/bob/session' } })
  expect(prepared.isConnected).toBe(false)
  await app.actions().open()
  expect(requests.map((request) => new URL(request.url).pathname)).toEqual([
    '/api/alice/session',
    '/api/bob/session',
  ])
})

test('trustedHosts by value: the same hosts keep the prepared Connector, other hosts discard it', async () => {
  const token = makeToken()
  const app = mountProbe({ token, trustedHosts: ['a.example'] })
  await app.actions().preload()
  const prepared = frameOf(app.connectorId)!
  await app.change({ token, trustedHosts: ['a.example'] })
  expect(prepared.isConnected).toBe(true)
  await app.change({ token, trustedHosts: ['b.example'] })
  expect(prepared.isConnected).toBe(false)
})

test('a host taken out of trustedHosts is no longer used: the next open is refused, nothing loads', async () => {
  const errors: ConnectorError[] = []
  const settings = {
    token: makeToken(),
    connectorUrl: 'https://{connectorId}.quiltt.proxy.example',
    onError: (error: ConnectorError) => errors.push(error),
  }
  const app = mountProbe({ ...settings, trustedHosts: ['*'] })
  // Not listed: refused at creation, so open() rejects.
  const first = await app
    .actions()
    .open()
    .catch((error: unknown) => error)
  expect(first).toMatchObject({ code: 'INVALID_OPTIONS' })
  const host = `${app.connectorId}.quiltt.proxy.example`
  await app.change({ ...settings, trustedHosts: [host] })
  expect(errors).toHaveLength(1)
  // The author stops trusting it: the Connector made while it was trusted must not stay.
  await app.change({ ...settings, trustedHosts: [] })
  const refused = await app
    .actions()
    .open()
    .catch((error: unknown) => error)
  expect(refused).toMatchObject({ code: 'INVALID_OPTIONS' })
  expect((refused as ConnectorError).message).toContain(host)
  expect((refused as ConnectorError).message).toContain('trustedHosts')
  expect(iframes()).toEqual([])
  expect(errors.at(-1)).toBe(refused)
})

const themeOf = (frame: HTMLIFrameElement) => new URL(frame.src).searchParams.get('theme_mode')

test('equal themeMode and labels keep the prepared Connector; new ones apply at the next open', async () => {
  const token = makeToken()
  const app = mountProbe({ token, themeMode: 'light', labels: { close: 'Close' } })
  await app.actions().preload()
  const prepared = frameOf(app.connectorId)!
  await app.change({ token, themeMode: 'light', labels: { close: 'Close' } })
  expect(prepared.isConnected).toBe(true)
  await app.change({ token, themeMode: 'dark', labels: { close: 'Fermer' } })
  expect(prepared.isConnected).toBe(false)
  app.actions().open()
  expect(themeOf(await waitForFrame(app.connectorId))).toBe('dark')
  expect(document.querySelector('[role="dialog"] button')?.getAttribute('aria-label')).toBe(
    'Fermer',
  )
  expect(iframes()).toHaveLength(1)
})

test('a new themeMode does not re-create the Connector on screen; the next open has it', async () => {
  const token = makeToken()
  const app = mountProbe({ token, themeMode: 'light' })
  app.actions().open()
  const shown = await waitForLiveFrame(app.connectorId)
  await app.change({ token, themeMode: 'dark' })
  expect(shown.isConnected).toBe(true)
  expect(themeOf(shown)).toBe('light')
  postFromFrame(shown, quiltt('ExitAbort'))
  await until(() => expect(dialogs()).toEqual([]))
  app.actions().open()
  expect(themeOf(await waitForFrame(app.connectorId))).toBe('dark')
})
