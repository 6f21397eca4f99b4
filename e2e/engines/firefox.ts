// Firefox ESR (Debian's `firefox-esr`) driven by puppeteer-core over WebDriver BiDi. Playwright's
// BiDi mode fails on ESR at `newContext`, and geckodriver cannot be fetched here.
import { existsSync } from 'node:fs'
import puppeteer, { type Frame, type Page } from 'puppeteer-core'
import type { Key, Launch, Target } from './driver'
import { waitUntil } from './processes'

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'

const KEYS: Record<Key, () => (page: Page) => Promise<void>> = {
  Tab: () => (page) => page.keyboard.press('Tab'),
  Escape: () => (page) => page.keyboard.press('Escape'),
  Enter: () => (page) => page.keyboard.press('Enter'),
  'Shift+Tab': () => async (page) => {
    await page.keyboard.down('Shift')
    await page.keyboard.press('Tab')
    await page.keyboard.up('Shift')
  },
}

export const launchFirefox: Launch = async ({ colorScheme } = {}) => {
  if (!existsSync(FIREFOX))
    throw new Error(`Firefox ESR not found at ${FIREFOX}: run scripts/ensure-tools.sh`)
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Popups are part of the OAuth flow; nothing should reach the network but loopback.
    extraPrefsFirefox: {
      'dom.disable_open_during_load': false,
      'network.proxy.allow_hijacking_localhost': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      // 0: pages see prefers-color-scheme: dark (ESR's BiDi has no media emulation).
      ...(colorScheme === 'dark' ? { 'layout.css.prefers-color-scheme.content-override': 0 } : {}),
    },
  })
  const page = (await browser.pages())[0] ?? (await browser.newPage())
  await page.bringToFront()
  const version = await browser.version()

  /** The page, or the content frame of the iframe `target.frame` selects in it. */
  const context = async ({ frame }: Target = {}): Promise<Page | Frame> => {
    if (!frame) return page
    const handle = await page.waitForSelector(frame)
    const content = await handle?.contentFrame()
    if (!content) throw new Error(`no frame for ${frame}`)
    return content
  }

  return {
    engine: 'firefox',
    version,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' })
    },
    async evaluate<T>(expression: string, target?: Target) {
      return (await (await context(target)).evaluate(expression)) as T
    },
    async click(selector, target) {
      const scope = await context(target)
      // `>>>`: puppeteer's deep combinator, into the host's shadow root.
      const deep = target?.shadowHost ? `${target.shadowHost} >>> ${selector}` : selector
      await scope.locator(deep).click()
    },
    async type(selector, text, target) {
      const scope = await context(target)
      await scope.locator(selector).fill(text)
    },
    press: (key) => KEYS[key]()(page),
    async setViewport(width, height) {
      await page.setViewport({ width, height })
    },
    async clickInPopup(selector) {
      // The popup is the one top-level page besides ours (BiDi lists iframes as targets too).
      let popup: Page | undefined
      await waitUntil(
        async () => {
          popup = (await browser.pages()).find((candidate) => candidate !== page)
          return popup !== undefined
        },
        20_000,
        'a popup window',
      )
      await popup!.locator(selector).click()
    },
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` })
    },
    close: () => browser.close(),
  }
}
