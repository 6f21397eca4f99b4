// The demo's main flows in each engine, through the sandbox Connector's real UI: the plain page's
// modal and inline Connect to exitSuccess, the SPA's modal Connect, Cancel → exitAbort, and the
// OAuth bank's popup. One demo (with its in-process sandbox) per file, on free ports.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startDemo } from '../../demo/server.mjs'
import {
  cancel,
  connectOAuthBank,
  connectSandboxBank,
  eventLog,
  INLINE,
  type LogEntry,
  MODAL,
  signedInPage,
} from './demo-flows'
import type { Driver, EngineName } from './driver'
import { LAUNCHERS, selectedEngines } from './session'

type Demo = Awaited<ReturnType<typeof startDemo>>

const successMetadata = (connectorId: string) => ({
  connectorId,
  profileId: expect.any(String),
  connectionId: expect.any(String),
  connectorSession: { id: expect.any(String) },
})
const from = (log: LogEntry[], source: string) =>
  log.filter((entry) => entry.source === source).map((entry) => entry.event)

/**
 * Dialogs the user can see. The plain page's button preloads on focus, so when focus comes back
 * to it after an exit a hidden, prepared dialog may be in the DOM again: that one does not count.
 */
const visibleDialogs = (driver: Driver) =>
  driver.evaluate<number>(
    `[...document.querySelectorAll('[role="dialog"]')].filter((d) => d.checkVisibility({ visibilityProperty: true })).length`,
  )

let demo: Demo
beforeAll(async () => {
  demo = await startDemo({ port: 0, env: {} })
})
afterAll(() => demo?.close())

describe.each(selectedEngines())('%s: demo flows', (engine: EngineName) => {
  let driver: Driver
  beforeAll(async () => {
    driver = await LAUNCHERS[engine]()
  }, 120_000)
  afterAll(() => driver?.close())

  test('plain page: the modal button connects Sandbox Bank; quiltt:exit-success carries the metadata', async () => {
    await signedInPage(driver, demo.url, '/plain.html')
    await driver.click('#connect-modal')
    await connectSandboxBank(driver, MODAL)
    await expect
      .poll(async () => from(await eventLog(driver), 'connect-modal'))
      .toEqual(['quiltt:open', 'quiltt:load', 'quiltt:exit-success', 'quiltt:exit'])
    const success = (await eventLog(driver)).find((e) => e.event === 'quiltt:exit-success')
    expect(success?.detail.metadata).toEqual(successMetadata(demo.connectorId))
    expect(await visibleDialogs(driver)).toBe(0)
  })

  test('plain page: the inline Connector connects Sandbox Bank', async () => {
    await signedInPage(driver, demo.url, '/plain.html')
    await connectSandboxBank(driver, INLINE)
    await expect
      .poll(async () => from(await eventLog(driver), 'inline-connector'))
      .toEqual(['quiltt:open', 'quiltt:load', 'quiltt:exit-success', 'quiltt:exit'])
  })

  test('SPA: the modal connects Sandbox Bank; the log shows open, load, exitSuccess', async () => {
    await signedInPage(driver, demo.url, '/spa.html')
    await driver.click('#connect-modal')
    await connectSandboxBank(driver, MODAL)
    await expect
      .poll(async () => (await eventLog(driver)).map((e) => e.event))
      .toEqual(['open', 'load', 'exitSuccess'])
    const [, , success] = await eventLog(driver)
    expect(success!.detail).toEqual(successMetadata(demo.connectorId))
  })

  test('SPA: Cancel in the Connector logs exitAbort and closes the modal', async () => {
    await signedInPage(driver, demo.url, '/spa.html')
    await driver.click('#connect-modal')
    await cancel(driver, MODAL)
    await expect
      .poll(async () => (await eventLog(driver)).map((e) => e.event))
      .toEqual(['open', 'load', 'exitAbort'])
    expect(await visibleDialogs(driver)).toBe(0)
  })

  test('SPA: the OAuth bank opens its popup; authorizing there completes the flow', async () => {
    await signedInPage(driver, demo.url, '/spa.html')
    await driver.click('#connect-modal')
    await connectOAuthBank(driver, MODAL)
    await expect
      .poll(async () => (await eventLog(driver)).map((e) => e.event))
      .toEqual(['open', 'load', 'exitSuccess'])
    const [, , success] = await eventLog(driver)
    expect(success!.detail).toEqual(successMetadata(demo.connectorId))
  })
})
