// @ts-check
// Real Chromium: a host page on its own origin embeds the sandbox Connector in an iframe.
import { describe, expect, test } from 'vitest'
import { expectMessages, useHostPage } from './helpers/browser.js'
import { control, issueSession } from './helpers/http.js'

const env = useHostPage()

/**
 * Mounts `http://{connectorId}.localhost:PORT/?mode=INLINE&…` on the host page.
 * @param {Record<string, string>} params
 * @param {string} [connectorId]
 */
async function mount(params, connectorId = 'abc') {
  const url = new URL(env.sandbox.connectorUrl.replace('{connectorId}', connectorId))
  url.searchParams.set('mode', 'INLINE')
  url.searchParams.set('embed_location', env.host.pageUrl)
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  await env.page.evaluate((src) => /** @type {any} */ (window).mountConnector(src), url.href)
  return env.page.frameLocator('#connector')
}

/** @param {import('playwright').FrameLocator} frame @param {string} [bank] picks it first */
async function logIn(frame, bank) {
  if (bank) await frame.getByRole('button', { name: bank }).click()
  await frame.getByLabel('Username').fill('ada')
  await frame.getByLabel('Password').fill('secret')
  await frame.getByRole('button', { name: 'Connect' }).click()
}

describe('iframe Connector in Chromium', { timeout: 60_000 }, () => {
  test('Load, then Sandbox Bank → ExitSuccess with connection, profile and session', async () => {
    const { token, userId } = await issueSession(env.sandbox)
    const frame = await mount({ token })
    await expectMessages(env.page, ['Load'])
    await frame.getByRole('searchbox', { name: 'Search institutions' }).fill('sand')
    await expect.poll(() => frame.getByRole('listitem').count()).toBe(1)
    await logIn(frame, 'Sandbox Bank')
    await frame.getByRole('heading', { name: 'Connected' }).waitFor()
    await frame.getByRole('button', { name: 'Done' }).click()
    const [load, success] = await expectMessages(env.page, ['Load', 'ExitSuccess'])
    expect(load).toMatchObject({ source: 'quiltt', profileId: userId })
    expect(success).toEqual({
      source: 'quiltt',
      type: 'ExitSuccess',
      profileId: userId,
      connectionId: expect.stringMatching(/^conn_/),
      connectorSession: { id: load.connectorSession.id },
    })

    // Reconnect the Connection just made: same connectionId back.
    await env.page.reload()
    const again = await mount({ token, connectionId: success.connectionId })
    await again.getByRole('heading', { name: 'Reconnect Sandbox Bank' }).waitFor()
    await again.getByRole('button', { name: 'Continue' }).click()
    const [, reconnected] = await expectMessages(env.page, ['Load', 'ExitSuccess'])
    expect(reconnected.connectionId).toBe(success.connectionId)
  })

  test('a garbage token shows the expired screen and posts Load then ExitError', async () => {
    const frame = await mount({ token: 'not-a-token' })
    await frame.getByText('Your session has expired').waitFor()
    const [, error] = await expectMessages(env.page, ['Load', 'ExitError'])
    expect(error).toEqual({
      source: 'quiltt',
      type: 'ExitError',
      connectorSession: expect.any(Object),
    })
  })

  test('an unknown connectionId is an error screen with ExitError', async () => {
    const { token } = await issueSession(env.sandbox)
    const frame = await mount({ token, connectionId: 'conn_unknown' })
    await frame.getByRole('heading', { name: 'Connection not found' }).waitFor()
    await expectMessages(env.page, ['Load', 'ExitError'])
  })

  test('Failing Bank ends on an error screen whose Close posts ExitError', async () => {
    const { token } = await issueSession(env.sandbox)
    const frame = await mount({ token, institution: 'Failing Bank' })
    await frame.getByRole('heading', { name: 'Log in to Failing Bank' }).waitFor()
    await logIn(frame)
    await frame.getByRole('heading', { name: 'Connection failed' }).waitFor()
    await frame.getByRole('button', { name: 'Close' }).click()
    await expectMessages(env.page, ['Load', 'ExitError'])
  })

  test('Cancel posts ExitAbort', async () => {
    const { token } = await issueSession(env.sandbox)
    const frame = await mount({ token })
    await frame.getByRole('button', { name: 'Cancel' }).click()
    await expectMessages(env.page, ['Load', 'ExitAbort'])
  })

  test('OAuth Bank in a browser: popup → Authorize → ExitSuccess', async () => {
    const { token } = await issueSession(env.sandbox)
    const frame = await mount({ token, institution: 'oauth-bank' })
    const popupOpened = env.context.waitForEvent('page')
    await frame.getByRole('button', { name: 'Continue to OAuth Bank' }).click()
    const popup = await popupOpened
    // Listen before clicking: the popup may close itself before a later listener is attached.
    const closed = popup.waitForEvent('close')
    await popup.getByRole('button', { name: 'Authorize' }).click({ noWaitAfter: true })
    await closed
    await frame.getByRole('heading', { name: 'Connected' }).waitFor()
    await frame.getByRole('button', { name: 'Done' }).click()
    const [, success] = await expectMessages(env.page, ['Load', 'ExitSuccess'])
    expect(success.connectionId).toMatch(/^conn_/)
  })

  test('closing the OAuth popup shows "Authorization was cancelled"; Cancel aborts', async () => {
    const { token } = await issueSession(env.sandbox)
    const frame = await mount({ token })
    await frame.getByRole('button', { name: 'OAuth Bank' }).click()
    const popupOpened = env.context.waitForEvent('page')
    await frame.getByRole('button', { name: 'Continue to OAuth Bank' }).click()
    await (await popupOpened).close()
    await frame.getByRole('heading', { name: 'Authorization was cancelled' }).waitFor()
    await frame.getByRole('button', { name: 'Try again' }).waitFor()
    await frame.getByRole('button', { name: 'Cancel' }).click()
    await expectMessages(env.page, ['Load', 'ExitAbort'])
  })

  test('OAuth Bank in a webview: Navigate, then a relayed callback completes', async () => {
    const { token } = await issueSession(env.sandbox)
    const appLauncher = 'https://app.example.com/quiltt/return'
    const frame = await mount({ token, institution: 'OAuth Bank', app_launcher_url: appLauncher })
    await frame.getByRole('button', { name: 'Continue to OAuth Bank' }).click()
    const [, navigate] = await expectMessages(env.page, ['Load', 'Navigate'])
    const target = new URL(navigate.url)
    expect(target.protocol).toBe('https:')
    expect(target.searchParams.get('redirect_uri')).toBe(appLauncher)
    const state = target.searchParams.get('state')
    await frame.getByRole('heading', { name: 'Waiting for your bank…' }).waitFor()
    // A relay with the wrong state is ignored.
    await env.page.evaluate((message) => /** @type {any} */ (window).relay(message), {
      source: 'quiltt',
      type: 'OAuthCallback',
      data: { url: `${appLauncher}?code=x&state=wrong`, params: {} },
    })
    const url = `${appLauncher}?code=abc123&state=${state}`
    await env.page.evaluate((message) => /** @type {any} */ (window).relay(message), {
      source: 'quiltt',
      type: 'OAuthCallback',
      data: { url, params: { code: 'abc123', state } },
    })
    await frame.getByRole('heading', { name: 'Connected' }).waitFor()
    await frame.getByRole('button', { name: 'Done' }).click()
    await expectMessages(env.page, ['Load', 'Navigate', 'ExitSuccess'])
  })

  test('suppressLoad renders the app but never posts Load', async () => {
    await control(env.sandbox, 'POST', '/__sandbox/faults', {
      connectorId: 'abc',
      suppressLoad: true,
    })
    try {
      const { token } = await issueSession(env.sandbox)
      const frame = await mount({ token })
      await frame.getByRole('heading', { name: 'Select your institution' }).waitFor()
      await frame.getByRole('button', { name: 'Cancel' }).click()
      // Messages from one window arrive in order: had Load been posted, it would come first.
      await expectMessages(env.page, ['ExitAbort'])
    } finally {
      await control(env.sandbox, 'DELETE', '/__sandbox/faults')
    }
  })

  test('messages go only to the embed_location origin', async () => {
    const { token } = await issueSession(env.sandbox)
    const misaddressed = await mount({ token, embed_location: 'http://elsewhere.localhost:1/' })
    await misaddressed.getByRole('button', { name: 'Cancel' }).click()
    // A second Connector, started after the first one posted, is the sync point.
    await mount({ token }, 'xyz')
    await expectMessages(env.page, ['Load'])
    const all = await env.page.evaluate(() => /** @type {any} */ (window).all)
    const abcOrigin = `http://abc.localhost:${env.sandbox.port}`
    expect(all.filter((/** @type {any} */ m) => m.origin === abcOrigin)).toEqual([])
  })
})
