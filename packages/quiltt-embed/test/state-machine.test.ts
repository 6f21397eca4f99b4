// The connector's state machine at its edges (issue 16): exits before Load, open() from an exit
// listener, a token provider that never answers, timeouts setTimeout cannot hold, stacked modals
// closed oldest-first, and a container in another document. Real Chromium, puppet Connector.
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { ConnectorError } from '../src/index'
import {
  adopt,
  catchError,
  cleanup,
  create,
  makeContainer,
  makeToken,
  postFromFrame,
  quiltt,
  record,
  rejection,
  takesFocus,
  uniqueId,
  waitForLiveFrame,
} from './helpers'

afterEach(cleanup)

/**
 * Resolves once `ms` have certainly passed, proven by a control connector whose Connector never
 * loads timing out (a condition to wait on, not a sleep).
 */
async function afterTimeout(ms: number): Promise<void> {
  const control = create({
    connectorId: uniqueId('noload'),
    container: makeContainer(),
    timeout: ms,
  })
  expect((await rejection(control.open())).code).toBe('LOAD_TIMEOUT')
}

describe('an inline Connector that exits before Load', () => {
  test('ends the open cleanly: open() resolves, state is open, and no LOAD_TIMEOUT follows', async () => {
    const connector = create({
      connectorId: uniqueId('noload'),
      container: makeContainer(),
      timeout: 1500,
    })
    const log = record(connector)
    const opening = connector.open()
    const frame = await waitForLiveFrame(connector.connectorId)
    postFromFrame(frame, quiltt('ExitAbort'))
    await opening
    expect(connector.state).toBe('open')
    await afterTimeout(1500)
    expect(log.map(([name]) => name)).toEqual(['open', 'event', 'exitAbort', 'exit', 'event'])
    expect(connector.state).toBe('open')
    // Still on the page until close(), as an inline Connector should be.
    expect(frame.isConnected).toBe(true)
  })
})

describe('open() called from an exit listener', () => {
  test.each([
    ['modal', false],
    ['inline', true],
  ])('%s: starts a new open once the old one is torn down', async (_, inline) => {
    const connector = create(inline ? { container: makeContainer() } : {})
    await connector.open()
    const first = await waitForLiveFrame(connector.connectorId)
    let reopened: Promise<void> | undefined
    connector.on('exitSuccess', () => {
      reopened = connector.open()
    })
    postFromFrame(first, quiltt('ExitSuccess'))
    await vi.waitFor(() => expect(reopened).toBeDefined())
    await reopened
    expect(connector.state).toBe('open')
    expect(first.isConnected).toBe(false)
    const frames = [...document.querySelectorAll('iframe')].filter((frame) =>
      frame.src.includes(connector.connectorId),
    )
    expect(frames).toHaveLength(1)
    expect(frames[0]).not.toBe(first)
  })
})

describe('a token provider bounded by timeout', () => {
  test('a provider that never settles fails open() with TOKEN_PROVIDER_FAILED after `timeout`', async () => {
    const connector = create({ token: () => new Promise<string>(() => {}), timeout: 300 })
    const errors: ConnectorError[] = []
    connector.on('error', (error) => errors.push(error))
    const error = await rejection(connector.open())
    expect(error.code).toBe('TOKEN_PROVIDER_FAILED')
    expect(error.message).toMatch(/did not answer within 300 ms/)
    expect(errors).toEqual([error])
    expect(connector.state).toBe('idle')
    // The button is not frozen: the next open() asks again.
    expect(connector.state).not.toBe('opening')
  })

  test('a provider that answers in time is used', async () => {
    const token = makeToken()
    const connector = create({ token: async () => token, timeout: 5000 })
    await connector.open()
    expect(connector.state).toBe('open')
  })
})

describe('timeout', () => {
  test.each([2 ** 31, 2 ** 40, Number.MAX_SAFE_INTEGER])('%d ms is INVALID_OPTIONS', (timeout) => {
    const error = catchError(() => create({ timeout }))
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toMatch(/timeout/)
  })

  test('2^31 - 1 ms is accepted', () => {
    expect(create({ timeout: 2 ** 31 - 1 }).state).toBe('idle')
  })
})

describe('stacked modals', () => {
  test('closed oldest-first, focus still returns to the original opener', async () => {
    const opener = adopt(document.createElement('button'))
    opener.textContent = 'Link your bank'
    opener.focus()
    const first = create()
    await first.open()
    const second = create()
    await second.open()
    const both = document.querySelectorAll<HTMLDialogElement>('[role="dialog"]')
    expect([...both].map((dialog) => dialog.matches(':modal'))).toEqual([true, true])
    expect([...both].map(takesFocus)).toEqual([false, true])

    first.close()
    // The newer dialog stays interactive and keeps focus.
    const [top] = document.querySelectorAll<HTMLElement>('[role="dialog"]')
    expect(takesFocus(top!)).toBe(true)
    expect(top!.contains(document.activeElement)).toBe(true)
    second.close()
    expect(document.activeElement).toBe(opener)
    expect(document.documentElement.style.overflow).toBe('')
  })

  test('closed newest-first, focus goes back down the stack to the original opener', async () => {
    const opener = adopt(document.createElement('button'))
    opener.focus()
    const first = create()
    await first.open()
    const second = create()
    await second.open()
    second.close()
    const [remaining] = document.querySelectorAll('[role="dialog"]')
    expect(remaining!.contains(document.activeElement)).toBe(true)
    expect(takesFocus(remaining!)).toBe(true)
    first.close()
    expect(document.activeElement).toBe(opener)
    expect(document.querySelectorAll(':modal')).toHaveLength(0)
  })

  /** The element painted at the viewport's centre (the browser skips inert ones: not here). */
  const paintedOnTop = () => document.elementFromPoint(innerWidth / 2, innerHeight / 2)

  test('a preloaded modal opened over an older one is drawn above it, and the older one after', async () => {
    // The preloaded dialog is in the DOM before the older modal's: DOM order alone would put
    // the newer dialog underneath, where the user could neither see nor reach it. The top layer
    // goes by the order they were shown in.
    const second = create()
    await second.preload()
    const first = create()
    await first.open()
    await second.open()
    const [preloaded, older] = document.querySelectorAll<HTMLElement>('[role="dialog"]')
    expect(preloaded!.contains(paintedOnTop())).toBe(true)
    expect(takesFocus(older!)).toBe(false)

    second.close()
    expect(older!.contains(paintedOnTop())).toBe(true)
    expect(takesFocus(older!)).toBe(true)
    first.close()
  })
})

describe('a container in another document', () => {
  test('an element of a same-origin child frame is refused with INVALID_OPTIONS', async () => {
    const frame = adopt(document.createElement('iframe'))
    await vi.waitFor(() => expect(frame.contentDocument?.body).toBeTruthy())
    const foreign = frame.contentDocument!.createElement('div')
    frame.contentDocument!.body.append(foreign)
    const error = catchError(() => create({ container: foreign }))
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toMatch(/this page's document/)
    expect(foreign.childElementCount).toBe(0)
  })
})
