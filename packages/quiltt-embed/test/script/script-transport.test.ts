// Script transport (SPEC §3.1 `transport: scriptTransport`, §4.2) in real Chromium, against a stand-in
// connector.js served from another origin (http://cdn.localhost:PORT) by ./fixture-server/.
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { Connector, ConnectorEvents } from '../../src/index'
import {
  adopt,
  callbackCount,
  calls,
  cleanup,
  createScriptConnector,
  emit,
  makeToken,
  type QuilttKind,
  rejection,
  release,
  requestCount,
  scriptTags,
  scriptUrl,
  steps,
  unique,
  waitForQuilttOpen,
  withAgent,
} from './helpers'

afterEach(cleanup)

/** Every event the connector emits, in order, as `name` or `name:type`. */
function recordEvents(connector: Connector): { log: string[]; metadata: unknown[] } {
  const log: string[] = []
  const metadata: unknown[] = []
  const names: (keyof ConnectorEvents)[] = [
    'open',
    'load',
    'exit',
    'exitSuccess',
    'exitAbort',
    'exitError',
    'event',
    'error',
  ]
  for (const name of names) {
    connector.on(name, ((...args: unknown[]) => {
      const [first, second] = args
      if (typeof first === 'string') {
        log.push(`${name}:${first}`)
        metadata.push(second)
      } else {
        log.push(name)
        metadata.push(first)
      }
    }) as never)
  }
  return { log, metadata }
}

describe('call order', () => {
  test('authenticate(token) comes before connect(), then open(), on every open()', async () => {
    const first = makeToken()
    const second = makeToken()
    const connector = createScriptConnector({
      token: first,
      institution: 'Chase',
      appLauncherUrl: 'https://app.example.com/quiltt/return',
    })
    const id = connector.connectorId
    const options = {
      institution: 'Chase',
      appLauncherUrl: 'https://app.example.com/quiltt/return',
    }

    const opening = connector.open()
    await waitForQuilttOpen(id)
    emit(id, 'Load')
    await opening
    emit(id, 'ExitSuccess')
    expect(connector.state).toBe('closed')

    connector.authenticate(second)
    const reopening = connector.open()
    await waitForQuilttOpen(id, 2)
    emit(id, 'Load')
    await reopening

    expect(steps()).toEqual([
      ['authenticate', first],
      ['connect', id, options],
      ['open', id],
      ['authenticate', second],
      ['connect', id, options],
      ['open', id],
    ])
  })

  test('connectionId selects reconnect(connectorId, { connectionId, appLauncherUrl })', async () => {
    const token = makeToken()
    const connector = createScriptConnector({
      token,
      connectionId: 'conn_42',
      appLauncherUrl: 'https://app.example.com/return',
    })
    const id = connector.connectorId
    const opening = connector.open()
    await waitForQuilttOpen(id)
    emit(id, 'Load')
    await opening

    expect(steps()).toEqual([
      ['authenticate', token],
      [
        'reconnect',
        id,
        { connectionId: 'conn_42', appLauncherUrl: 'https://app.example.com/return' },
      ],
      ['open', id],
    ])
  })

  test.each([
    ['connect', {}],
    ['reconnect', { connectionId: 'conn_7' }],
  ] as const)(
    'themeMode goes in the %s() options, as @quiltt/core 6.1 types it',
    async (flow, extra) => {
      const token = makeToken()
      const connector = createScriptConnector({ token, themeMode: 'dark', ...extra })
      const id = connector.connectorId
      const opening = connector.open()
      await waitForQuilttOpen(id)
      emit(id, 'Load')
      await opening

      expect(steps()).toEqual([
        ['authenticate', token],
        [flow, id, { ...extra, themeMode: 'dark' }],
        ['open', id],
      ])
    },
  )

  test('a token provider is called at open() and its token is what authenticate() receives', async () => {
    const token = makeToken()
    const provider = vi.fn(async () => token)
    const connector = createScriptConnector({ token: provider })
    expect(provider).not.toHaveBeenCalled()
    const opening = connector.open()
    await waitForQuilttOpen(connector.connectorId)
    emit(connector.connectorId, 'Load')
    await opening
    expect(provider).toHaveBeenCalledTimes(1)
    expect(steps()[0]).toEqual(['authenticate', token])
  })
})

describe('events', () => {
  const exits: [QuilttKind, keyof ConnectorEvents, string][] = [
    ['ExitSuccess', 'exitSuccess', 'exited.successful'],
    ['ExitAbort', 'exitAbort', 'exited.aborted'],
    ['ExitError', 'exitError', 'exited.errored'],
  ]

  test.each(exits)(
    "Quiltt's %s is re-emitted as %s, then exit, then event; open() resolved after load",
    async (kind, specific, type) => {
      const connector = createScriptConnector()
      const id = connector.connectorId
      const { log } = recordEvents(connector)
      const opening = connector.open().then(() => log.push('open() resolved'))
      expect(connector.state).toBe('opening')

      await waitForQuilttOpen(id)
      // Quiltt reported Open when its modal appeared; no Load yet, so open() is still pending.
      expect(log).toEqual(['open', 'event:opened'])
      expect(connector.state).toBe('opening')

      emit(id, 'Load')
      await opening
      expect(connector.state).toBe('open')

      emit(id, kind)
      expect(log).toEqual([
        'open',
        'event:opened',
        'load',
        'event:loaded',
        'open() resolved',
        specific,
        `exit:${type}`,
        `event:${type}`,
      ])
      expect(connector.state).toBe('closed')
    },
  )

  test("metadata is Quiltt's known fields only, with our own connectorId", async () => {
    const connector = createScriptConnector()
    const id = connector.connectorId
    const { metadata } = recordEvents(connector)
    const opening = connector.open()
    await waitForQuilttOpen(id)
    emit(id, 'Load', {
      connectorId: 'someone-else',
      profileId: 'p_123',
      connectorSession: { id: 'sess_1', token: 'leak-me' },
      debug: { html: '<img src=x>' },
    })
    await opening
    emit(id, 'ExitSuccess', { connectionId: 'conn_9', profileId: 'p_123', extra: true })

    const expected = {
      connectorId: id,
      profileId: 'p_123',
      connectorSession: { id: 'sess_1' },
    }
    // open + event(opened), load + event(loaded), exitSuccess + exit + event
    expect(metadata).toHaveLength(7)
    expect(metadata.slice(0, 2)).toStrictEqual([{ connectorId: id }, { connectorId: id }])
    expect(metadata.slice(2, 4)).toStrictEqual([expected, expected])
    for (const exit of metadata.slice(4)) {
      expect(exit).toStrictEqual({ ...expected, connectionId: 'conn_9' })
    }
  })

  test('option callbacks (onLoad, onExitSuccess) receive the same events', async () => {
    const onLoad = vi.fn()
    const onExitSuccess = vi.fn()
    const connector = createScriptConnector({ onLoad, onExitSuccess })
    const id = connector.connectorId
    const opening = connector.open()
    await waitForQuilttOpen(id)
    emit(id, 'Load')
    await opening
    emit(id, 'ExitSuccess', { connectionId: 'conn_1' })
    expect(onLoad).toHaveBeenCalledExactlyOnceWith({ connectorId: id })
    expect(onExitSuccess).toHaveBeenCalledExactlyOnceWith({
      connectorId: id,
      connectionId: 'conn_1',
    })
  })
})

describe('loading connector.js', () => {
  test('ten connectors opened at once share one request and one <script>', async () => {
    const url = scriptUrl()
    const connectors = Array.from({ length: 10 }, () => createScriptConnector({ scriptUrl: url }))
    const opening = connectors.map((connector) => connector.open())
    for (const connector of connectors) await waitForQuilttOpen(connector.connectorId)
    for (const connector of connectors) emit(connector.connectorId, 'Load')
    await Promise.all(opening)

    expect(await requestCount(withAgent(url))).toBe(1)
    expect(scriptTags(withAgent(url))).toHaveLength(1)
    expect(steps().filter(([name]) => name === 'authenticate')).toHaveLength(10)
  })

  test('a failed load rejects SCRIPT_LOAD_FAILED, leaves no tag, and the next open() retries', async () => {
    const url = scriptUrl({ fail: '1' })
    const connector = createScriptConnector({ scriptUrl: url })
    const errors: unknown[] = []
    connector.on('error', (error) => errors.push(error))

    const error = await rejection(connector.open())
    expect(error.code).toBe('SCRIPT_LOAD_FAILED')
    expect(errors).toEqual([error])
    expect(scriptTags(withAgent(url))).toHaveLength(0)
    expect(connector.state).toBe('idle')
    expect(await requestCount(withAgent(url))).toBe(1)

    const opening = connector.open()
    await waitForQuilttOpen(connector.connectorId)
    emit(connector.connectorId, 'Load')
    await opening
    expect(connector.state).toBe('open')
    expect(await requestCount(withAgent(url))).toBe(2)
    expect(scriptTags(withAgent(url))).toHaveLength(1)
  })

  test('an element with id="Quiltt" (named access on window) is not taken for connector.js', async () => {
    const url = scriptUrl()
    const impostor = document.createElement('div')
    impostor.id = 'Quiltt'
    adopt(impostor)
    expect(window.Quiltt).toBe(impostor)
    const connector = createScriptConnector({ scriptUrl: url })
    const opening = connector.open()
    await waitForQuilttOpen(connector.connectorId)
    emit(connector.connectorId, 'Load')
    await opening
    expect(await requestCount(withAgent(url))).toBe(1)
    expect(steps()[0]![0]).toBe('authenticate')
  })

  test('a script that does not define window.Quiltt rejects SCRIPT_LOAD_FAILED with a cause', async () => {
    const url = scriptUrl({ noglobal: '1' })
    const connector = createScriptConnector({ scriptUrl: url })
    const error = await rejection(connector.open())
    expect(window.__quilttNoGlobalRan).toBe(true)
    expect(error.code).toBe('SCRIPT_LOAD_FAILED')
    expect(error.cause).toBeInstanceOf(Error)
    expect(error.message).toMatch(/window\.Quiltt/)
    expect(scriptTags(withAgent(url))).toHaveLength(0)
  })

  test('an existing <script src=scriptUrl> still loading is reused, not requested again', async () => {
    const url = scriptUrl()
    const tag = document.createElement('script')
    tag.src = url
    document.head.append(tag)

    const connector = createScriptConnector({ scriptUrl: url })
    const opening = connector.open()
    await waitForQuilttOpen(connector.connectorId)
    emit(connector.connectorId, 'Load')
    await opening

    expect(await requestCount(url)).toBe(1)
    expect(await requestCount(withAgent(url))).toBe(0)
    expect(scriptTags(url)).toEqual([tag])
  })

  test.each([
    ["Quiltt's own agent", { agent: 'Quiltt/6.1.0 (React/19)' }],
    ['another query', { v: '2' }],
  ])(
    'an existing tag of the same origin and path, with %s, is reused while it loads',
    async (_, query) => {
      // The page loads connector.js itself (as @quiltt/react does, with its own agent); our
      // scriptUrl names the same script, so it must not be downloaded and run a second time.
      const key = unique('hold')
      const url = scriptUrl({ hold: key })
      const theirs = new URL(url)
      for (const [name, value] of Object.entries(query)) theirs.searchParams.set(name, value)
      const tag = adopt(document.createElement('script'), document.head)
      tag.src = theirs.href

      const connector = createScriptConnector({ scriptUrl: url })
      const opening = connector.open()
      await expect.poll(() => requestCount(theirs.href)).toBe(1)
      await release(key)
      await waitForQuilttOpen(connector.connectorId)
      emit(connector.connectorId, 'Load')
      await opening

      expect(await requestCount(withAgent(url))).toBe(0)
      expect(
        Array.from(document.scripts).filter((script) => script.src.includes('/v1/connector.js')),
      ).toEqual([tag])
    },
  )

  test('an existing <script src=scriptUrl> that already ran is reused, not requested again', async () => {
    const url = scriptUrl()
    const tag = document.createElement('script')
    tag.src = url
    const loaded = new Promise((resolve) => tag.addEventListener('load', resolve))
    document.head.append(tag)
    await loaded

    const connector = createScriptConnector({ scriptUrl: url })
    const opening = connector.open()
    await waitForQuilttOpen(connector.connectorId)
    emit(connector.connectorId, 'Load')
    await opening

    expect(await requestCount(url)).toBe(1)
    expect(await requestCount(withAgent(url))).toBe(0)
    expect(scriptTags(url)).toEqual([tag])
  })

  /** One open() on which the Connector reports Load if Quiltt gets opened; the outcome. */
  async function attempt(connector: Connector): Promise<string> {
    const id = connector.connectorId
    const opensBefore = calls().filter(([name, owner]) => name === 'open' && owner === id).length
    const outcome = connector.open().then(
      () => 'opened',
      (error: unknown) => `rejected with ${(error as { code?: string }).code}`,
    )
    waitForQuilttOpen(id, opensBefore + 1)
      .then(() => emit(id, 'Load'))
      .catch(() => {})
    return outcome
  }

  test.each([
    ['', () => {}],
    // Analytics scripts clear the buffer; it also stops filling past 250 entries on busy pages.
    [' (the page cleared its resource timings)', () => performance.clearResourceTimings()],
  ])(
    'an existing <script src=scriptUrl> that already failed does not block retries%s',
    async (_, tamper) => {
      // The page's own tag hit a failing CDN (HTTP 500) before the SDK ran.
      const url = scriptUrl({ fail: '1' })
      const tag = document.createElement('script')
      tag.src = url
      const failed = new Promise((resolve) => tag.addEventListener('error', resolve))
      document.head.append(tag)
      await failed
      tamper()

      // A short deadline, as the first open() may wait on the failed tag until it passes.
      const connector = createScriptConnector({ scriptUrl: url, timeout: 1000 })
      // The first open() may fail (SCRIPT_LOAD_FAILED or LOAD_TIMEOUT), but as after any failure
      // the next open() must try connector.js again. That one has the default deadline: 1 s is no
      // bound for a real download and Load on a busy machine.
      const outcomes = [await attempt(connector)]
      if (outcomes[0] !== 'opened')
        outcomes.push(await attempt(createScriptConnector({ scriptUrl: url })))
      expect(outcomes.at(-1), `outcomes: ${outcomes.join(', ')}`).toBe('opened')
      // The page's failed request, then ours.
      expect(await requestCount(url)).toBe(1)
      expect(await requestCount(withAgent(url))).toBe(1)
    },
  )

  test('the nonce option is set on the inserted <script>', async () => {
    const url = scriptUrl()
    const connector = createScriptConnector({ scriptUrl: url, nonce: 'r4nd0m-n0nce' })
    const opening = connector.open()
    await waitForQuilttOpen(connector.connectorId)
    const [tag] = scriptTags(withAgent(url))
    expect(tag?.nonce).toBe('r4nd0m-n0nce')
    emit(connector.connectorId, 'Load')
    await opening
  })

  test('connector.js never answers within `timeout` → SCRIPT_LOAD_FAILED; its tag stays while it downloads', async () => {
    const url = scriptUrl({ hold: unique('never') })
    const connector = createScriptConnector({ scriptUrl: url, timeout: 500 })
    const errors: unknown[] = []
    connector.on('error', (error) => errors.push(error))
    const started = performance.now()
    const error = await rejection(connector.open())
    expect(error.code).toBe('SCRIPT_LOAD_FAILED')
    expect(String((error.cause as Error)?.message)).toContain('500 ms')
    expect(performance.now() - started).toBeGreaterThanOrEqual(450)
    expect(errors).toEqual([error])
    expect(scriptTags(withAgent(url))).toHaveLength(1)
    await expect.poll(() => requestCount(withAgent(url))).toBe(1)
  })

  test('an open() after the deadline waits on the same download: connector.js is requested and run once', async () => {
    const key = unique('hold')
    const url = scriptUrl({ hold: key })
    const late = createScriptConnector({ scriptUrl: url, timeout: 300 })
    expect((await rejection(late.open())).code).toBe('SCRIPT_LOAD_FAILED')
    await expect.poll(() => requestCount(withAgent(url))).toBe(1)

    // Another open() of the same script, with a deadline of its own (the default 15 s): it must
    // wait on the download in flight rather than start a second one.
    const retry = createScriptConnector({ scriptUrl: url })
    const opening = retry.open()
    expect(await release(key)).toBe(1)
    await waitForQuilttOpen(retry.connectorId)
    emit(retry.connectorId, 'Load')
    await opening

    expect(retry.state).toBe('open')
    expect(await requestCount(withAgent(url))).toBe(1)
    expect(scriptTags(withAgent(url))).toHaveLength(1)
    // Chromium gives a second tag the download already in flight, and then runs it once per tag:
    // one request is not enough, the script must have run once.
    expect(window.__quilttRuns).toBe(1)
  })

  test.each([
    ['errors (HTTP 500)', { fail: '1' }],
    ['runs without defining window.Quiltt', { noglobal: '1' }],
  ])(
    'a download that settles after the deadline and %s is dropped: the next open() requests it again',
    async (_, variant) => {
      const key = unique('hold')
      const url = scriptUrl({ hold: key, ...variant })
      const connector = createScriptConnector({ scriptUrl: url, timeout: 300 })
      expect((await rejection(connector.open())).code).toBe('SCRIPT_LOAD_FAILED')
      await expect.poll(() => requestCount(withAgent(url))).toBe(1)

      await release(key)
      await expect.poll(() => scriptTags(withAgent(url))).toHaveLength(0)
      const retry = createScriptConnector({ scriptUrl: url })
      const outcome = retry.open().then(
        () => 'opened',
        (error: { code?: string }) => error.code,
      )
      await expect.poll(() => requestCount(withAgent(url))).toBe(2)
      if ('fail' in variant) {
        await waitForQuilttOpen(retry.connectorId)
        emit(retry.connectorId, 'Load')
      }
      expect(await outcome).toBe('fail' in variant ? 'opened' : 'SCRIPT_LOAD_FAILED')
    },
  )

  test('connector.js loads but Quiltt never reports Load within `timeout` → LOAD_TIMEOUT', async () => {
    // connector.js first, within the default deadline: under load its download alone can take
    // longer than the 500 ms given below to Load, and the open() would fail SCRIPT_LOAD_FAILED.
    const url = scriptUrl()
    await createScriptConnector({ scriptUrl: url }).preload()
    const connector = createScriptConnector({ scriptUrl: url, timeout: 500 })
    const opening = rejection(connector.open())
    await waitForQuilttOpen(connector.connectorId)
    const error = await opening
    expect(error.code).toBe('LOAD_TIMEOUT')
    expect(connector.state).toBe('idle')
  })
})

describe('destroy()', () => {
  /** Opens a connector to Load; returns it with its recorder. */
  async function opened(options = {}) {
    const connector = createScriptConnector(options)
    const recorder = recordEvents(connector)
    const opening = connector.open()
    await waitForQuilttOpen(connector.connectorId)
    emit(connector.connectorId, 'Load')
    await opening
    return { connector, ...recorder }
  }

  test('removes every callback it registered on Quiltt, each with the same function', async () => {
    const { connector, log } = await opened()
    const id = connector.connectorId
    expect(callbackCount(id)).toBeGreaterThan(0)

    connector.destroy()
    expect(callbackCount(id)).toBe(0)
    const registered = calls().filter(
      ([name, owner]) => /^on[A-Z]/.test(String(name)) && owner === id,
    )
    const removed = calls().filter(
      ([name, owner]) => /^off[A-Z]/.test(String(name)) && owner === id,
    )
    expect(registered.length).toBeGreaterThan(0)
    for (const [name, , callback] of registered) {
      const match = removed.filter(
        ([off, , fn]) => off === `off${String(name).slice(2)}` && fn === callback,
      )
      expect(match, `${String(name)} has no matching off`).toHaveLength(1)
    }
    // Quiltt firing afterwards reaches none of our listeners.
    const before = log.length
    for (const kind of ['Load', 'ExitSuccess', 'ExitAbort', 'ExitError'] as const) {
      expect(emit(id, kind)).toBe(0)
    }
    expect(log.length).toBe(before)
    expect(connector.state).toBe('destroyed')
  })

  const resets = (id: string) =>
    steps().filter(([name, of]) => name === 'resetConnector' && of === id)

  test('after the flow exits, its callbacks are gone through off* and the connector is not reset', async () => {
    const { connector } = await opened()
    const id = connector.connectorId
    emit(id, 'ExitSuccess', { connectionId: 'conn_1' })
    expect(connector.state).toBe('closed')
    // connector.js closed its own modal on the exit; its connector (and any callbacks the page
    // gave it) stays, with none of ours left.
    expect(callbackCount(id)).toBe(0)
    connector.destroy()
    expect(resets(id)).toEqual([])
  })

  test.each(['close', 'destroy'] as const)(
    '%s() before the flow exits resets the connector, whose modal connector.js cannot close otherwise',
    async (method) => {
      const { connector } = await opened()
      const id = connector.connectorId
      connector[method]()
      expect(resets(id)).toHaveLength(1)
      connector[method]()
      expect(resets(id)).toHaveLength(1)
      if (method === 'destroy') return
      // The next open() of that ID starts connector.js's connector afresh and loads.
      const opening = connector.open()
      await waitForQuilttOpen(id, 2)
      emit(id, 'Load')
      await opening
      expect(connector.state).toBe('open')
    },
  )

  test('two connectors on one connectorId: only the last one to close resets it', async () => {
    const id = unique('shared')
    const a = await opened({ connectorId: id })
    const b = await opened({ connectorId: id })
    a.connector.close()
    expect(resets(id)).toEqual([])
    expect(callbackCount(id)).toBeGreaterThan(0)
    b.connector.close()
    expect(resets(id)).toHaveLength(1)
  })

  test("destroying one connector leaves another connector's callbacks in place", async () => {
    const url = scriptUrl()
    const a = await opened({ scriptUrl: url })
    const b = await opened({ scriptUrl: url })
    const countB = callbackCount(b.connector.connectorId)

    a.connector.destroy()
    expect(callbackCount(a.connector.connectorId)).toBe(0)
    expect(callbackCount(b.connector.connectorId)).toBe(countB)

    emit(b.connector.connectorId, 'ExitSuccess', { connectionId: 'conn_b' })
    expect(b.log.slice(-3)).toEqual([
      'exitSuccess',
      'exit:exited.successful',
      'event:exited.successful',
    ])
    expect(b.metadata.at(-1)).toEqual({
      connectorId: b.connector.connectorId,
      connectionId: 'conn_b',
    })
    expect(a.log).not.toContain('exitSuccess')
  })

  test.each([
    ['destroy', 'destroyed'],
    ['close', 'closed'],
  ] as const)(
    '%s() while connector.js is still loading: Quiltt is never authenticated or opened',
    async (method, state) => {
      const key = unique('hold')
      const url = scriptUrl({ hold: key })
      const connector = createScriptConnector({ scriptUrl: url })
      const opening = connector.open().catch((error: unknown) => error)
      await expect.poll(() => requestCount(withAgent(url))).toBe(1)
      connector[method]()
      expect(connector.state).toBe(state)
      const settled = await opening
      if (method === 'destroy') expect(settled).toMatchObject({ code: 'DESTROYED' })

      // A second connector on the same URL proves the script arrived and ran.
      const other = createScriptConnector({ scriptUrl: url })
      const otherOpening = other.open()
      await release(key)
      await waitForQuilttOpen(other.connectorId)
      emit(other.connectorId, 'Load')
      await otherOpening

      const touched = steps().filter(([, id]) => id === connector.connectorId)
      expect(touched, `the ${state} connector was driven after all`).toEqual([])
      expect(steps().filter(([name]) => name === 'authenticate')).toHaveLength(1)
      expect(connector.state).toBe(state)
    },
  )

  test('after connector.js missed its deadline, a late Quiltt never drives the failed open()', async () => {
    const key = unique('hold')
    const url = scriptUrl({ hold: key })
    const connector = createScriptConnector({ scriptUrl: url, timeout: 300 })
    expect((await rejection(connector.open())).code).toBe('SCRIPT_LOAD_FAILED')

    // The held connector.js answers late and defines window.Quiltt; another connector then drives
    // that Quiltt. The failed connector must still never be driven. (Wait for the late script to
    // run: a connector started before it would load a second copy of the fake, and whichever
    // ran last would own window.__quilttEmit.)
    expect(await release(key)).toBe(1)
    await expect.poll(() => Object.hasOwn(window, 'Quiltt')).toBe(true)
    const other = createScriptConnector({ scriptUrl: scriptUrl() })
    const otherOpening = other.open()
    await waitForQuilttOpen(other.connectorId)
    emit(other.connectorId, 'Load')
    await otherOpening

    const touched = steps().filter(([, id]) => id === connector.connectorId)
    expect(touched, 'Quiltt was opened for an open() that had already failed').toEqual([])
  })
})
