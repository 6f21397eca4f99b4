// The demo's user steps over the engine driver: the sandbox Connector's screens, reached by their
// visible names (packages/quiltt-sandbox/README.md), inside the cross-origin Connector iframe.
import { expect } from 'vitest'
import type { Driver } from './driver'

export const MODAL = '[role="dialog"] iframe[title="Quiltt Connector"]'
export const INLINE = '#inline-connector iframe[title="Quiltt Connector"]'

let signIns = 0

/**
 * The demo page at `path`, as a signed-in user sees it: signs in on the home page's form (with a
 * name of its own, so each test has its own Quiltt Profile), then opens the page. The one place
 * that knows how a user gets there.
 */
export async function signedInPage(driver: Driver, demoUrl: string, path: string): Promise<void> {
  signIns += 1
  const name = `${driver.engine} user ${signIns}`
  await driver.goto(new URL('/', demoUrl).href)
  // The browser outlives a test: sign the previous test's user out first.
  const signInShown = `!document.querySelector('form.sign-in').hidden`
  if (!(await driver.evaluate<boolean>(signInShown))) {
    await driver.click('form[action="/api/signout"] button[type="submit"]')
    await expect.poll(() => driver.evaluate(signInShown).catch(() => false)).toBe(true)
  }
  await driver.type('#sign-in-name', name)
  await driver.click('form.sign-in button[type="submit"]')
  await expect
    .poll(() =>
      driver
        .evaluate(`document.getElementById('signed-in-name')?.textContent ?? ''`)
        .catch(() => ''),
    )
    .toBe(name)
  await driver.goto(new URL(path, demoUrl).href)
}

/** Waits until the SDK shows the Connector in `frame` (it stays transparent until Load). */
async function shown(driver: Driver, frame: string): Promise<void> {
  await expect
    .poll(() =>
      driver.evaluate(
        `(() => { const f = document.querySelector(${JSON.stringify(frame)}); return Boolean(f) && getComputedStyle(f).opacity === '1' })()`,
      ),
    )
    .toBe(true)
}

/** Waits for a heading with exactly this text in the Connector. */
export async function heading(driver: Driver, frame: string, text: string): Promise<void> {
  const script = `[...document.querySelectorAll('h1, h2')].some((h) => h.textContent.trim() === ${JSON.stringify(text)})`
  await expect.poll(() => driver.evaluate(script, { frame }).catch(() => false)).toBe(true)
}

/** Clicks the button with exactly this text (marked first, so any driver can select it by CSS). */
export async function clickButton(driver: Driver, text: string, frame?: string): Promise<void> {
  const mark = `b${Math.random().toString(36).slice(2)}`
  const script = `(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)})
    if (!button) return false
    button.dataset.engineMark = ${JSON.stringify(mark)}
    return true
  })()`
  await expect.poll(() => driver.evaluate(script, frame ? { frame } : {})).toBe(true)
  await driver.click(`[data-engine-mark="${mark}"]`, frame ? { frame } : {})
}

async function chooseBank(driver: Driver, frame: string, bank: string): Promise<void> {
  await shown(driver, frame)
  await heading(driver, frame, 'Select your institution')
  await clickButton(driver, bank, frame)
}

/** Sandbox Bank from the institution list to ExitSuccess. */
export async function connectSandboxBank(driver: Driver, frame: string): Promise<void> {
  await chooseBank(driver, frame, 'Sandbox Bank')
  await driver.type('#username', 'demo-user', { frame })
  await driver.type('#password', 'demo-password', { frame })
  await clickButton(driver, 'Connect', frame)
  await heading(driver, frame, 'Connected')
  await clickButton(driver, 'Done', frame)
}

/** OAuth Bank: the Connector opens the bank's popup, the user authorizes there, then Done. */
export async function connectOAuthBank(driver: Driver, frame: string): Promise<void> {
  await chooseBank(driver, frame, 'OAuth Bank')
  await clickButton(driver, 'Continue to OAuth Bank', frame)
  await driver.clickInPopup('button[type="submit"]')
  await heading(driver, frame, 'Connected')
  await clickButton(driver, 'Done', frame)
}

/** Cancel on the institution screen: ExitAbort. */
export async function cancel(driver: Driver, frame: string): Promise<void> {
  await shown(driver, frame)
  await heading(driver, frame, 'Select your institution')
  await clickButton(driver, 'Cancel', frame)
}

export interface LogEntry {
  event: string
  source?: string
  detail: Record<string, unknown>
}

/** The page's event log, oldest first. */
export const eventLog = (driver: Driver) =>
  driver.evaluate<LogEntry[]>(`[...document.querySelectorAll('#event-log > li')].map((li) => ({
    event: li.dataset.event,
    source: li.dataset.source,
    detail: JSON.parse(li.querySelector('.event-detail')?.textContent ?? 'null'),
  }))`)
