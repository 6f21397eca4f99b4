// WebKitGTK (Debian's `webkit2gtk-driver`): WebKitWebDriver drives MiniBrowser, which needs an X
// display, so this starts its own Xvfb; selenium-webdriver speaks W3C WebDriver to it.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Builder, By, Key as Keys, until, type WebDriver } from 'selenium-webdriver'
import type { Driver, Key, Launch, Target } from './driver'
import { freePort, startXvfb, waitUntil, XVFB } from './processes'

const DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver'
/** Debian puts MiniBrowser under the machine's multiarch directory (x86_64-linux-gnu, …). */
function minibrowserPath(): string {
  const found = existsSync('/usr/lib')
    ? readdirSync('/usr/lib')
        .filter((dir) => dir.includes('-linux-gnu'))
        .map((dir) => join('/usr/lib', dir, 'webkit2gtk-4.1/MiniBrowser'))
        .find((path) => existsSync(path))
    : undefined
  return found ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'
}
const MINIBROWSER = process.env.MINIBROWSER_PATH ?? minibrowserPath()

const KEYS: Record<Key, string> = {
  Tab: Keys.TAB,
  'Shift+Tab': Keys.chord(Keys.SHIFT, Keys.TAB),
  Escape: Keys.ESCAPE,
  Enter: Keys.ENTER,
}

/**
 * MiniBrowser's toolbar makes its window at least 447 px wide, too wide for a 375 px phone.
 * GTK 3 reads this stylesheet from $XDG_CONFIG_HOME: it lets the toolbar shrink, nothing more.
 */
const GTK_CSS = `headerbar, headerbar *, toolbar, toolbar *, entry, button, box {
  min-width: 0; padding: 0; margin: 0; font-size: 1px;
}
`

export const launchWebKit: Launch = async ({ colorScheme } = {}) => {
  for (const [path, what] of [
    [DRIVER, 'WebKitWebDriver'],
    [MINIBROWSER, 'MiniBrowser'],
    [XVFB, 'Xvfb'],
  ]) {
    if (!existsSync(path!))
      throw new Error(`${what} not found at ${path}: run scripts/ensure-tools.sh`)
  }
  const children: ChildProcess[] = []
  const config = await mkdtemp(join(tmpdir(), 'quiltt-webkit-'))
  const stop = () => {
    for (const child of children.reverse()) child.kill()
    return rm(config, { recursive: true, force: true })
  }
  try {
    await mkdir(join(config, 'gtk-3.0'))
    await writeFile(join(config, 'gtk-3.0', 'gtk.css'), GTK_CSS)
    const xvfb = await startXvfb()
    children.push(xvfb.process)
    const port = await freePort()
    const server = spawn(DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
      stdio: 'ignore',
      env: {
        ...process.env,
        DISPLAY: xvfb.display,
        XDG_CONFIG_HOME: config,
        // WebKitGTK takes prefers-color-scheme from the GTK theme; WebDriver cannot emulate it.
        ...(colorScheme === 'dark' ? { GTK_THEME: 'Adwaita:dark' } : {}),
      },
    })
    children.push(server)
    const url = `http://127.0.0.1:${port}`
    await waitUntil(async () => (await fetch(`${url}/status`).catch(() => undefined))?.ok === true)
    const driver: WebDriver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build()
    return wrap(driver, stop)
  } catch (error) {
    await stop()
    throw error
  }
}

async function wrap(driver: WebDriver, stop: () => Promise<void>): Promise<Driver> {
  const capabilities = await driver.getCapabilities()
  const version = `MiniBrowser (WebKitGTK) ${capabilities.get('browserVersion')}`
  const main = await driver.getWindowHandle()

  /** Runs `body` in the top document or inside the iframe `target.frame`, then comes back. */
  async function within<T>({ frame }: Target = {}, body: () => Promise<T>): Promise<T> {
    if (!frame) return body()
    const element = await driver.wait(until.elementLocated(By.css(frame)), 20_000)
    await driver.switchTo().frame(element)
    try {
      return await body()
    } finally {
      await driver.switchTo().defaultContent()
    }
  }
  const find = (selector: string) =>
    driver.wait(until.elementLocated(By.css(selector)), 20_000).then(async (element) => {
      await driver.wait(until.elementIsVisible(element), 20_000)
      return element
    })

  return {
    engine: 'webkit',
    version,
    goto: (url) => driver.get(url),
    evaluate: <T>(expression: string, target?: Target) =>
      within(target, () => driver.executeScript<T>(`return (${expression})`)),
    click: (selector, target) =>
      within(target, async () => {
        if (!target?.shadowHost) return (await find(selector)).click()
        const root = await (await find(target.shadowHost)).getShadowRoot()
        const element = await root.findElement(By.css(selector))
        await driver.wait(until.elementIsVisible(element), 20_000)
        await element.click()
      }),
    type: (selector, text, target) =>
      within(target, async () => {
        const field = await find(selector)
        await field.clear()
        await field.sendKeys(text)
      }),
    press: (key) => driver.actions().sendKeys(KEYS[key]).perform(),
    async setViewport(width, height) {
      // The window rect includes MiniBrowser's own chrome: measure the viewport and correct.
      let rect = { width, height }
      for (let attempt = 0; attempt < 6; attempt++) {
        await driver.manage().window().setRect(rect)
        const [w, h] = await settledViewport(driver)
        if (w === width && h === height) return
        // The chrome only ever takes space away: a viewport larger than asked for is a stale
        // reading, so ask again for the same window rather than a smaller (or negative) one.
        const next = { width: rect.width + width - w, height: rect.height + height - h }
        if (next.width >= width && next.height >= height) rect = next
      }
      throw new Error(`MiniBrowser would not give a ${width}×${height} viewport`)
    },
    async clickInPopup(selector) {
      const popup = await driver.wait(async () => {
        const handles = await driver.getAllWindowHandles()
        return handles.find((handle) => handle !== main)
      }, 20_000)
      await driver.switchTo().window(popup!)
      try {
        await (await find(selector)).click()
      } finally {
        await driver.switchTo().window(main)
      }
    },
    async screenshot(path) {
      await writeFile(path, await driver.takeScreenshot(), 'base64')
    },
    async close() {
      try {
        await driver.quit()
      } finally {
        await stop()
      }
    },
  }
}

/**
 * GTK applies a window resize asynchronously: right after `setRect` the page can still report
 * an earlier size. Once in CI the correction built on such a reading asked WebKitWebDriver for
 * an invalid width. Read after the next frames, and again until two readings agree.
 */
async function settledViewport(driver: WebDriver): Promise<[number, number]> {
  const read = () =>
    driver.executeAsyncScript<[number, number]>(`
      const done = arguments[arguments.length - 1]
      requestAnimationFrame(() => requestAnimationFrame(() => done([innerWidth, innerHeight])))`)
  let last = await read()
  await driver.wait(async () => {
    const next = await read()
    const same = next[0] === last[0] && next[1] === last[1]
    last = next
    return same
  }, 10_000)
  return last
}
