// A change of the token source or of `sessionKey` is a different session, maybe a different user:
// the next open uses the new source and never a token the old one gave. A re-render with the same
// source and sessionKey keeps the cached token and a prepared Connector (SPEC §10).
import { createElement as h } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import {
  cleanup,
  connectorUrl,
  dialogs,
  frameOf,
  iframes,
  makeToken,
  postFromFrame,
  quiltt,
  uniqueId,
  waitForFrame,
  waitForLiveFrame,
} from '../../quiltt-embed/test/helpers'
import {
  QuilttButton,
  type QuilttConnector,
  type QuilttConnectorOptions,
  QuilttContainer,
  QuilttTokenProvider,
  useQuilttConnector,
} from '../src/index'
import { render, unmountAll } from './render'
import { until } from './watch'

afterEach(() => {
  unmountAll()
  cleanup()
})

const tokenOf = (frame: HTMLIFrameElement) => new URL(frame.src).searchParams.get('token')

/** A user's stable token provider (module scope or useCallback in an app), counting its calls. */
function userProvider() {
  const token = makeToken()
  return { token, provider: vi.fn(async () => token) }
}

type Tree = { provider: () => Promise<string>; sessionKey?: string | undefined }

type ProbeProps = QuilttConnectorOptions & { expose: (actions: QuilttConnector) => void }
/** The hook in a component of its own, handing its actions to the test. */
function Probe({ expose, ...options }: ProbeProps) {
  expose(useQuilttConnector(options))
  return null
}

/** A QuilttButton under a QuilttTokenProvider, the tree of a signed-in app. */
function renderApp(first: Tree) {
  const connectorId = uniqueId()
  const tree = ({ provider, sessionKey }: Tree) =>
    h(
      QuilttTokenProvider,
      { token: provider, sessionKey },
      h(QuilttButton, { connectorId, connectorUrl }, 'Link your bank'),
    )
  const view = render(tree(first))
  return {
    connectorId,
    rerender: (next: Tree) => view.rerender(tree(next)),
    /** Clicks the button and returns the Connector's frame once it runs. */
    async click() {
      view.host.querySelector('button')!.click()
      return waitForLiveFrame(connectorId)
    },
  }
}

/** Leaves the flow as the user would (the modal closes itself after an exit). */
async function exit(frame: HTMLIFrameElement) {
  postFromFrame(frame, quiltt('ExitAbort'))
  await until(() => expect(dialogs()).toEqual([]))
}

test("sign-in as another user: Bob's provider is called and Alice's token is never used again", async () => {
  const alice = userProvider()
  const bob = userProvider()
  const app = renderApp({ provider: alice.provider })
  await exit(await app.click())
  app.rerender({ provider: bob.provider })
  const frame = await app.click()
  expect(tokenOf(frame)).toBe(bob.token)
  expect(bob.provider).toHaveBeenCalledTimes(1)
  expect(alice.provider).toHaveBeenCalledTimes(1)
})

test('a new token prop on the hook is used at the next open, without re-creating an open modal', async () => {
  const alice = userProvider()
  const bob = userProvider()
  const connectorId = uniqueId()
  let open!: () => Promise<void>
  const probe = (token: () => Promise<string>) =>
    h(Probe, { connectorId, connectorUrl, token, expose: (actions) => ({ open } = actions) })
  const view = render(probe(alice.provider))
  open()
  const first = await waitForLiveFrame(connectorId)
  view.rerender(probe(bob.provider))
  // The open modal is Alice's flow: it stays as it is.
  expect(first.isConnected).toBe(true)
  expect(tokenOf(first)).toBe(alice.token)
  await exit(first)
  open()
  expect(tokenOf(await waitForLiveFrame(connectorId))).toBe(bob.token)
  expect(bob.provider).toHaveBeenCalledTimes(1)
})

test('a new sessionKey with the same provider drops its cached token: the provider is asked again', async () => {
  const stable = userProvider()
  const app = renderApp({ provider: stable.provider, sessionKey: 'alice' })
  await exit(await app.click())
  app.rerender({ provider: stable.provider, sessionKey: 'bob' })
  await exit(await app.click())
  expect(stable.provider).toHaveBeenCalledTimes(2)
})

test('a re-render with the same provider and sessionKey keeps the cached token', async () => {
  const stable = userProvider()
  const app = renderApp({ provider: stable.provider, sessionKey: 'alice' })
  await exit(await app.click())
  app.rerender({ provider: stable.provider, sessionKey: 'alice' })
  const frame = await app.click()
  expect(tokenOf(frame)).toBe(stable.token)
  expect(stable.provider).toHaveBeenCalledTimes(1)
})

/** The hook with a preload button, to prepare a Connector and then re-render around it. */
function renderPreloaded(first: Tree) {
  const connectorId = uniqueId()
  let actions!: QuilttConnector
  const probe = ({ provider, sessionKey }: Tree) =>
    h(Probe, {
      connectorId,
      connectorUrl,
      token: provider,
      sessionKey,
      expose: (given) => {
        actions = given
      },
    })
  const view = render(probe(first))
  return {
    connectorId,
    rerender: (next: Tree) => view.rerender(probe(next)),
    actions: () => actions,
  }
}

test('a new sessionKey discards a prepared Connector; the next open is cold, with a new token', async () => {
  const first = makeToken()
  const second = makeToken()
  const provider = vi.fn(async () => first)
  const app = renderPreloaded({ provider, sessionKey: 'alice' })
  await app.actions().preload()
  const prepared = frameOf(app.connectorId)!
  provider.mockImplementation(async () => second)
  app.rerender({ provider, sessionKey: 'bob' })
  expect(prepared.isConnected).toBe(false)
  app.actions().open()
  const frame = await waitForFrame(app.connectorId)
  expect(frame).not.toBe(prepared)
  expect(tokenOf(frame)).toBe(second)
})

test('a re-render with the same source and sessionKey keeps a prepared Connector', async () => {
  const stable = userProvider()
  const app = renderPreloaded({ provider: stable.provider, sessionKey: 'alice' })
  await app.actions().preload()
  const prepared = frameOf(app.connectorId)!
  app.rerender({ provider: stable.provider, sessionKey: 'alice' })
  await app.actions().open()
  expect(iframes()).toEqual([prepared])
  expect(stable.provider).toHaveBeenCalledTimes(1)
})

test('QuilttContainer: a new source replaces the inline Connector, which opens with the new token', async () => {
  const alice = userProvider()
  const bob = userProvider()
  const connectorId = uniqueId()
  const tree = (provider: () => Promise<string>) =>
    h(QuilttTokenProvider, { token: provider }, h(QuilttContainer, { connectorId, connectorUrl }))
  const view = render(tree(alice.provider))
  const first = await waitForFrame(connectorId)
  expect(tokenOf(first)).toBe(alice.token)
  view.rerender(tree(bob.provider))
  // Alice's inline Connector must not stay on the page for Bob.
  await until(() => expect(first.isConnected).toBe(false))
  expect(tokenOf(await waitForFrame(connectorId))).toBe(bob.token)
  expect(iframes()).toHaveLength(1)
})
