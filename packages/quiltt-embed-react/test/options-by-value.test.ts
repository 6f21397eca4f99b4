// Options a re-render hands over as new objects are compared by value: `{ url }` token sources by
// their url, `themeMode` and `labels` by what they say. A change applies at the next open and
// discards a prepared Connector; an equal one keeps it (SPEC §6, §10).
import type { ConnectorError } from 'quiltt-embed'
import { createElement as h } from 'react'
import { afterEach, expect, test } from 'vitest'
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
import { type QuilttConnector, type QuilttConnectorOptions, useQuilttConnector } from '../src/index'
import { render, unmountAll } from './render'
import { until } from './watch'

afterEach(() => {
  unmountAll()
  cleanup()
})

type ProbeProps = QuilttConnectorOptions & { expose: (actions: QuilttConnector) => void }
/** The hook in a component of its own, handing its actions to the test. */
function Probe({ expose, ...options }: ProbeProps) {
  expose(useQuilttConnector(options))
  return null
}

/** Renders the hook with `first`; `rerender` passes new props, built afresh as an app's are. */
function renderProbe(first: Partial<QuilttConnectorOptions>) {
  const connectorId = uniqueId()
  let actions!: QuilttConnector
  const probe = (props: Partial<QuilttConnectorOptions>) =>
    h(Probe, {
      connectorId,
      connectorUrl,
      ...props,
      expose: (given) => {
        actions = given
      },
    })
  const view = render(probe(first))
  return {
    connectorId,
    rerender: (props: Partial<QuilttConnectorOptions>) => view.rerender(probe(props)),
    actions: () => actions,
  }
}

/** Every same-origin token URL answers with a fresh session token; returns the requests. */
const tokenEndpoint = () =>
  answerTokenRequests(() => Response.json({ token: makeToken() }), onCleanup)

test('a new { url } object with the same url keeps the prepared Connector', async () => {
  const requests = tokenEndpoint()
  const app = renderProbe({ token: { url: '/api/quiltt/session' } })
  await app.actions().preload()
  const prepared = frameOf(app.connectorId)!
  app.rerender({ token: { url: '/api/quiltt/session' } })
  await app.actions().open()
  expect(iframes()).toEqual([prepared])
  expect(requests).toHaveLength(1)
})

test('a { url } with another url discards it: the next open asks the new url', async () => {
  const requests = tokenEndpoint()
  const app = renderProbe({ token: { url: '/api/alice/session' } })
  await app.actions().preload()
  const prepared = frameOf(app.connectorId)!
  app.rerender({ token: { url: '/api/bob/session' } })
  expect(prepared.isConnected).toBe(false)
  await app.actions().open()
  expect(requests.map((request) => new URL(request.url).pathname)).toEqual([
    '/api/alice/session',
    '/api/bob/session',
  ])
})

test('trustedHosts by value: the same hosts keep the prepared Connector, other hosts discard it', async () => {
  const token = makeToken()
  const app = renderProbe({ token, trustedHosts: ['a.example'] })
  await app.actions().preload()
  const prepared = frameOf(app.connectorId)!
  app.rerender({ token, trustedHosts: ['a.example'] })
  expect(prepared.isConnected).toBe(true)
  app.rerender({ token, trustedHosts: ['b.example'] })
  expect(prepared.isConnected).toBe(false)
})

test('a host taken out of trustedHosts is no longer used: the next open is refused, nothing loads', async () => {
  const errors: ConnectorError[] = []
  const settings = {
    token: makeToken(),
    connectorUrl: 'https://{connectorId}.quiltt.proxy.example',
    onError: (error: ConnectorError) => errors.push(error),
  }
  const app = renderProbe({ ...settings, trustedHosts: ['*'] })
  // Not listed: refused at creation, so open() rejects.
  const first = await app
    .actions()
    .open()
    .catch((error: unknown) => error)
  expect(first).toMatchObject({ code: 'INVALID_OPTIONS' })
  const host = `${app.connectorId}.quiltt.proxy.example`
  app.rerender({ ...settings, trustedHosts: [host] })
  expect(errors).toHaveLength(1)
  // The author stops trusting it: the Connector made while it was trusted must not stay.
  app.rerender({ ...settings, trustedHosts: [] })
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

test('equal themeMode and labels in new objects keep the prepared Connector', async () => {
  const token = makeToken()
  const app = renderProbe({ token, themeMode: 'dark', labels: { close: 'Fermer' } })
  await app.actions().preload()
  const prepared = frameOf(app.connectorId)!
  app.rerender({ token, themeMode: 'dark', labels: { close: 'Fermer' } })
  await app.actions().open()
  expect(iframes()).toEqual([prepared])
})

test('a new themeMode or labels discards a prepared Connector and applies at the next open', async () => {
  const token = makeToken()
  const app = renderProbe({ token, themeMode: 'light' })
  await app.actions().preload()
  const prepared = frameOf(app.connectorId)!
  app.rerender({ token, themeMode: 'dark', labels: { close: 'Fermer' } })
  expect(prepared.isConnected).toBe(false)
  app.actions().open()
  const frame = await waitForFrame(app.connectorId)
  expect(themeOf(frame)).toBe('dark')
  expect(document.querySelector('[role="dialog"] button')?.getAttribute('aria-label')).toBe(
    'Fermer',
  )
})

test('a new themeMode does not re-create the Connector on screen; the next open has it', async () => {
  const token = makeToken()
  const app = renderProbe({ token, themeMode: 'light' })
  app.actions().open()
  const shown = await waitForLiveFrame(app.connectorId)
  app.rerender({ token, themeMode: 'dark' })
  expect(shown.isConnected).toBe(true)
  expect(themeOf(shown)).toBe('light')
  postFromFrame(shown, quiltt('ExitAbort'))
  await until(() => expect(dialogs()).toEqual([]))
  app.actions().open()
  expect(themeOf(await waitForFrame(app.connectorId))).toBe('dark')
})
