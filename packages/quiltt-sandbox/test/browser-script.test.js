// @ts-check
// Real Chromium: connector.js on a strict-CSP, Trusted-Types host page, driven via window.Quiltt.
import { describe, expect, test } from 'vitest'
import { clickToExit } from '../../../e2e/click-to-exit.ts'
import { useHostPage } from './helpers/browser.js'
import { control, issueSession } from './helpers/http.js'

const env = useHostPage((env) =>
  env.page.evaluate((url) => /** @type {any} */ (window).loadScript(url), env.sandbox.scriptUrl),
)

/** The `[type, metadata]` pairs the host's onEvent callbacks saw. */
const events = () => env.page.evaluate(() => /** @type {any} */ (window).events)
/** @param {string[]} types */
async function expectEvents(types) {
  await expect
    .poll(async () => (await events()).map((/** @type {any[]} */ e) => e[0]), { timeout: 10_000 })
    .toEqual(types)
  return events()
}
const frame = () => env.page.frameLocator('iframe[title="Quiltt Connector"]')
const dialog = () => env.page.getByRole('dialog', { name: 'Quiltt Connector' })

describe('connector.js in Chromium', { timeout: 60_000 }, () => {
  test('themeMode in connect() options reaches the Connector as theme_mode, and it renders dark', async () => {
    const { token } = await issueSession(env.sandbox)
    await env.page.evaluate((token) => {
      const w = /** @type {any} */ (window)
      w.Quiltt.authenticate(token)
      w.Quiltt.connect('abc', { themeMode: 'dark' }).open()
    }, token)
    await dialog().waitFor()
    const src = new URL(String(await frame().owner().getAttribute('src')))
    expect(src.searchParams.get('theme_mode')).toBe('dark')
    await frame().getByRole('heading', { name: 'Select your institution' }).waitFor()
    const scheme = await frame()
      .locator('html')
      .evaluate((root) => getComputedStyle(root).colorScheme)
    expect(scheme).toBe('dark')
  })

  test('connect: opened → loaded → exited.successful, then the modal closes', async () => {
    const { token, userId } = await issueSession(env.sandbox)
    await env.page.evaluate((token) => {
      const w = /** @type {any} */ (window)
      w.Quiltt.authenticate(token)
      w.order = []
      const connector = w.Quiltt.connect('abc', {
        onEvent: (/** @type {string} */ type, /** @type {any} */ metadata) =>
          w.events.push([type, metadata]),
        onExitSuccess: () => w.order.push('exitSuccess'),
        onExit: () => w.order.push('exit'),
      })
      w.Quiltt.onEvent(() => w.order.push('global event'))
      connector.open()
    }, token)
    await dialog().waitFor()
    expect(await env.page.evaluate(() => document.documentElement.style.overflow)).toBe('hidden')
    const src = new URL(String(await frame().owner().getAttribute('src')))
    expect(src.origin).toBe(`http://abc.localhost:${env.sandbox.port}`)
    expect(src.searchParams.get('mode')).toBe('MODAL')
    expect(src.searchParams.get('embed_location')).toBe(env.host.pageUrl)
    await expectEvents(['opened', 'loaded'])
    await frame().getByRole('button', { name: 'Sandbox Bank' }).click()
    await frame().getByLabel('Username').fill('ada')
    await frame().getByLabel('Password').fill('pw')
    await frame().getByRole('button', { name: 'Connect' }).click()
    await clickToExit(frame(), 'Done')
    const seen = await expectEvents(['opened', 'loaded', 'exited.successful'])
    expect(seen[0][1]).toEqual({ connectorId: 'abc' })
    expect(seen[2][1]).toEqual({
      connectorId: 'abc',
      profileId: userId,
      connectionId: expect.stringMatching(/^conn_/),
      connectorSession: { id: expect.stringMatching(/^cs_/) },
    })
    await dialog().waitFor({ state: 'detached' })
    expect(await env.page.evaluate(() => document.documentElement.style.overflow)).toBe('')
    const order = await env.page.evaluate(() => /** @type {any} */ (window).order)
    expect(order.slice(-3)).toEqual(['exitSuccess', 'exit', 'global event'])
    const stats = await control(env.sandbox, 'GET', '/__sandbox/stats')
    expect(stats.json.scriptRequests).toBeGreaterThan(0)
  })

  test('reconnect returns the same connectionId', async () => {
    const { token } = await issueSession(env.sandbox)
    await env.page.evaluate((token) => {
      const w = /** @type {any} */ (window)
      w.Quiltt.authenticate(token)
      w.Quiltt.connect('abc', {
        onExitSuccess: (/** @type {any} */ m) => w.events.push(['first', m]),
      }).open()
    }, token)
    await frame().getByRole('button', { name: 'Sandbox Bank' }).click()
    await frame().getByLabel('Username').fill('ada')
    await frame().getByLabel('Password').fill('pw')
    await frame().getByRole('button', { name: 'Connect' }).click()
    await clickToExit(frame(), 'Done')
    const [[, first]] = await expectEvents(['first'])
    await env.page.evaluate((connectionId) => {
      const w = /** @type {any} */ (window)
      w.Quiltt.reconnect('abc', {
        connectionId,
        onExitSuccess: (/** @type {any} */ m) => w.events.push(['second', m]),
      }).open()
    }, first.connectionId)
    await frame().getByRole('heading', { name: 'Reconnect Sandbox Bank' }).waitFor()
    await clickToExit(frame(), 'Continue')
    const [, [, second]] = await expectEvents(['first', 'second'])
    expect(second.connectionId).toBe(first.connectionId)
  })

  test("Quiltt's markup: a click inside a quiltt-button opens that Connector once, with its attributes", async () => {
    const { token } = await issueSession(env.sandbox)
    await env.page.evaluate((token) => {
      const w = /** @type {any} */ (window)
      w.Quiltt.authenticate(token)
      w.Quiltt.onEvent((/** @type {string} */ type) => w.events.push([type]))
      // Added after connector.js ran: Quiltt's markup is bound whenever it appears.
      const button = document.createElement('button')
      button.type = 'button'
      button.setAttribute('quiltt-button', 'abc')
      button.setAttribute('quiltt-institution', 'Sandbox Bank')
      button.setAttribute('quiltt-theme-mode', 'dark')
      const label = document.createElement('span')
      label.textContent = 'Link with markup'
      button.append(label)
      document.querySelector('main')?.append(button)
    }, token)
    await env.page.getByText('Link with markup').click()
    await dialog().waitFor()
    await expectEvents(['opened', 'loaded'])
    expect(await env.page.getByRole('dialog').count()).toBe(1)
    const src = new URL(String(await frame().owner().getAttribute('src')))
    expect(src.origin).toBe(`http://abc.localhost:${env.sandbox.port}`)
    expect(src.searchParams.get('institution')).toBe('Sandbox Bank')
    expect(src.searchParams.get('theme_mode')).toBe('dark')
  })

  test('open() before authenticate ends in exited.errored', async () => {
    await env.page.evaluate(() => {
      const w = /** @type {any} */ (window)
      w.Quiltt.onEvent((/** @type {string} */ type, /** @type {any} */ m) =>
        w.events.push([type, m]),
      )
      w.Quiltt.connect('abc').open()
    })
    await expectEvents(['opened', 'loaded', 'exited.errored'])
    await dialog().waitFor({ state: 'detached' })
  })

  test('Escape aborts; off* and resetConnector silence callbacks', async () => {
    const { token } = await issueSession(env.sandbox)
    await env.page.evaluate((token) => {
      const w = /** @type {any} */ (window)
      w.Quiltt.authenticate(token)
      w.record = (/** @type {string} */ type) => w.events.push([type])
      w.connector = w.Quiltt.connect('abc')
      w.connector.onEvent(w.record)
      w.connector.open()
    }, token)
    await expectEvents(['opened', 'loaded'])
    await env.page.evaluate(() =>
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })),
    )
    await expectEvents(['opened', 'loaded', 'exited.aborted'])
    await dialog().waitFor({ state: 'detached' })
    await env.page.evaluate(() => {
      const w = /** @type {any} */ (window)
      w.connector.offEvent(w.record)
      w.connector.open()
    })
    await dialog().waitFor()
    await env.page.evaluate(() => /** @type {any} */ (window).Quiltt.resetConnector('abc'))
    await dialog().waitFor({ state: 'detached' })
    expect((await events()).map((/** @type {any[]} */ e) => e[0])).toEqual([
      'opened',
      'loaded',
      'exited.aborted',
    ])
  })
})
