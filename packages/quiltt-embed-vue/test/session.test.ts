// A change of the token source or of `sessionKey` is a different session, maybe a different user:
// the next open uses the new source and never a token the old one gave. A re-render with the same
// source and sessionKey keeps the cached token and a prepared Connector (SPEC §10).
import { afterEach, expect, test, vi } from 'vitest'
import { defineComponent, h, nextTick, reactive } from 'vue'
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
import { until } from '../../quiltt-embed-react/test/watch'
import {
  QuilttButton,
  type QuilttConnector,
  QuilttContainer,
  QuilttTokenProvider,
  useQuilttConnector,
} from '../src/index'
import { mount, unmountAll } from './mount'

afterEach(() => {
  unmountAll()
  cleanup()
})

const tokenOf = (frame: HTMLIFrameElement) => new URL(frame.src).searchParams.get('token')

/** A user's stable token provider (defined once in an app), counting its calls. */
function userProvider() {
  const token = makeToken()
  return { token, provider: vi.fn(async () => token) }
}

type Session = { provider: () => Promise<string>; sessionKey?: string | undefined }

/** A QuilttButton under a QuilttTokenProvider whose props the test changes, as an app's would. */
function mountApp(first: Session) {
  const connectorId = uniqueId()
  const session = reactive({ ...first })
  const { host } = mount(() =>
    h(QuilttTokenProvider, { token: session.provider, sessionKey: session.sessionKey }, () =>
      h(QuilttButton, { connectorId, connectorUrl }, () => 'Link your bank'),
    ),
  )
  return {
    connectorId,
    async change(next: Session) {
      Object.assign(session, next)
      await nextTick()
    },
    async click() {
      host.querySelector('button')!.click()
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
  const app = mountApp({ provider: alice.provider })
  await exit(await app.click())
  await app.change({ provider: bob.provider })
  const frame = await app.click()
  expect(tokenOf(frame)).toBe(bob.token)
  expect(bob.provider).toHaveBeenCalledTimes(1)
  expect(alice.provider).toHaveBeenCalledTimes(1)
})

test('a new sessionKey with the same provider drops its cached token: the provider is asked again', async () => {
  const stable = userProvider()
  const app = mountApp({ provider: stable.provider, sessionKey: 'alice' })
  await exit(await app.click())
  await app.change({ provider: stable.provider, sessionKey: 'bob' })
  await exit(await app.click())
  expect(stable.provider).toHaveBeenCalledTimes(2)
})

test('a re-render with the same provider and sessionKey keeps the cached token', async () => {
  const stable = userProvider()
  const app = mountApp({ provider: stable.provider, sessionKey: 'alice' })
  await exit(await app.click())
  await app.change({ provider: stable.provider, sessionKey: 'alice' })
  expect(tokenOf(await app.click())).toBe(stable.token)
  expect(stable.provider).toHaveBeenCalledTimes(1)
})

/** The composable with reactive options, to prepare a Connector and then change them. */
function mountPreloaded(first: Session) {
  const connectorId = uniqueId()
  const session = reactive({ ...first })
  let actions!: QuilttConnector
  const Probe = defineComponent(() => {
    actions = useQuilttConnector(() => ({
      connectorId,
      connectorUrl,
      token: session.provider,
      sessionKey: session.sessionKey,
    }))
    return () => h('output')
  })
  mount(() => h(Probe))
  return {
    connectorId,
    async change(next: Session) {
      Object.assign(session, next)
      await nextTick()
    },
    actions: () => actions,
  }
}

test('a new sessionKey discards a prepared Connector; the next open is cold, with a new token', async () => {
  const first = makeToken()
  const second = makeToken()
  const provider = vi.fn(async () => first)
  const app = mountPreloaded({ provider, sessionKey: 'alice' })
  await app.actions().preload()
  const prepared = frameOf(app.connectorId)!
  provider.mockImplementation(async () => second)
  await app.change({ provider, sessionKey: 'bob' })
  expect(prepared.isConnected).toBe(false)
  app.actions().open()
  const frame = await waitForFrame(app.connectorId)
  expect(frame).not.toBe(prepared)
  expect(tokenOf(frame)).toBe(second)
})

test('a re-render with the same source and sessionKey keeps a prepared Connector', async () => {
  const stable = userProvider()
  const app = mountPreloaded({ provider: stable.provider, sessionKey: 'alice' })
  await app.actions().preload()
  const prepared = frameOf(app.connectorId)!
  await app.change({ provider: stable.provider, sessionKey: 'alice' })
  await app.actions().open()
  expect(iframes()).toEqual([prepared])
  expect(stable.provider).toHaveBeenCalledTimes(1)
})

test('QuilttContainer: a new source replaces the inline Connector, which opens with the new token', async () => {
  const alice = userProvider()
  const bob = userProvider()
  const connectorId = uniqueId()
  const session = reactive({ provider: alice.provider })
  mount(() =>
    h(QuilttTokenProvider, { token: session.provider }, () =>
      h(QuilttContainer, { connectorId, connectorUrl }),
    ),
  )
  const first = await waitForFrame(connectorId)
  expect(tokenOf(first)).toBe(alice.token)
  session.provider = bob.provider
  // Alice's inline Connector must not stay on the page for Bob.
  await until(() => expect(first.isConnected).toBe(false))
  expect(tokenOf(await waitForFrame(connectorId))).toBe(bob.token)
  expect(iframes()).toHaveLength(1)
})
