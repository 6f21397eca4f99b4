// Regenerates the README's screenshots from the demo (against its in-process sandbox): the modal at
// desktop and phone sizes, the inline Connector, and the modal opened from a button inside the
// page's own <dialog>, light and dark. Run with `node scripts/screenshots.mjs`.
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'
import { ensureBuilt } from '../demo/build.mjs'
import { startDemo } from '../demo/server.mjs'
import { launchOptions } from './chromium.mjs'

const docs = fileURLToPath(new URL('../docs/', import.meta.url))

const SHOTS = [
  { file: 'modal-desktop.png', mode: 'modal', viewport: { width: 1280, height: 800 } },
  // 2x, as phones render; flat UI keeps the PNG small.
  { file: 'modal-mobile.png', mode: 'modal', viewport: { width: 390, height: 844 }, scale: 2 },
  { file: 'inline-desktop.png', mode: 'inline', viewport: { width: 1280, height: 800 } },
  // themeMode 'dark' on a dark page: the SDK's chrome and the sandbox Connector both dark.
  { file: 'modal-dark-desktop.png', mode: 'dark', viewport: { width: 1280, height: 800 } },
  { file: 'modal-dark-mobile.png', mode: 'dark', viewport: { width: 375, height: 812 }, scale: 2 },
  // Opened from inside the page's own modal <dialog>: ours is drawn above it, in the top layer.
  { file: 'over-dialog-desktop.png', mode: 'over-dialog', viewport: { width: 1280, height: 800 } },
  {
    file: 'over-dialog-mobile.png',
    mode: 'over-dialog',
    viewport: { width: 390, height: 844 },
    scale: 2,
  },
  {
    file: 'over-dialog-dark-desktop.png',
    mode: 'over-dialog-dark',
    viewport: { width: 1280, height: 800 },
  },
  {
    file: 'over-dialog-dark-mobile.png',
    mode: 'over-dialog-dark',
    viewport: { width: 375, height: 812 },
    scale: 2,
  },
]

/**
 * Opens the plain page, shows a page `<dialog>` of its own with `showModal()` (an app's "Accounts"
 * dialog) holding a button for the demo's Connector, clicks it and waits until the Connector is
 * loaded and shown above the page's dialog. `dark`: the browser dark and the button's theme dark.
 * @param {import('playwright').Page} page
 * @param {string} url
 * @param {boolean} dark
 */
async function showOverPageDialog(page, url, dark) {
  if (dark) await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(new URL('/plain.html', url).href)
  await page.locator('#event-log > li[data-event="quiltt:load"]').waitFor()
  await page.evaluate((dark) => {
    const id = document.getElementById('connect-modal')?.getAttribute('data-quiltt-button') ?? ''
    const dialog = document.createElement('dialog')
    // Wider and taller than the SDK's panel, so its edges show round it.
    dialog.style.cssText = `width:min(760px,90vw);min-height:min(560px,80vh);box-sizing:border-box;padding:24px;border:0;border-radius:12px;font:16px system-ui;${
      dark ? 'background:#1e293b;color:#f1f5f9' : ''
    }`
    const heading = document.createElement('h2')
    heading.textContent = 'Your accounts'
    const text = document.createElement('p')
    text.textContent = 'Link a bank to see its balances here.'
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = 'Link your bank'
    button.dataset.quilttButton = id
    if (dark) button.dataset.quilttThemeMode = 'dark'
    dialog.append(heading, text, button)
    document.body.append(dialog)
    dialog.showModal()
  }, dark)
  await page.getByRole('button', { name: 'Link your bank' }).click()
  const iframe = page.locator('dialog[role="dialog"] iframe')
  await page.waitForFunction(() => {
    const frame = document.querySelector('dialog[role="dialog"] iframe')
    return frame !== null && getComputedStyle(frame).opacity === '1'
  })
  await iframe.contentFrame().getByRole('heading', { name: 'Select your institution' }).waitFor()
}

/**
 * Opens the plain page with the browser dark and a `data-quiltt-theme-mode="dark"` button for the
 * demo's Connector (bound by the page's autoBind as it appears), and opens it until loaded.
 * @param {import('playwright').Page} page
 * @param {string} url
 */
async function showDarkModal(page, url) {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(new URL('/plain.html', url).href)
  await page.locator('#event-log > li[data-event="quiltt:load"]').waitFor()
  await page.evaluate(() => {
    const id = document.getElementById('connect-modal')?.getAttribute('data-quiltt-button') ?? ''
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = 'Connect (dark)'
    button.dataset.quilttButton = id
    button.dataset.quilttThemeMode = 'dark'
    document.querySelector('main')?.prepend(button)
  })
  await page.getByRole('button', { name: 'Connect (dark)' }).click()
  const iframe = page.locator('[role="dialog"] iframe')
  await page.waitForFunction(() => {
    const frame = document.querySelector('[role="dialog"] iframe')
    return frame !== null && getComputedStyle(frame).opacity === '1'
  })
  await iframe.contentFrame().getByRole('heading', { name: 'Select your institution' }).waitFor()
}

/**
 * Opens the SPA, starts the Connector in `mode` and waits until it is loaded and shown: the
 * log has `load`, the SDK has revealed the iframe, and the Connector has drawn its first screen.
 * @param {import('playwright').Page} page
 * @param {string} url
 * @param {'modal' | 'inline'} mode
 */
async function showConnector(page, url, mode) {
  await page.goto(new URL('/spa.html', url).href)
  const button = page.getByRole('button', {
    name: mode === 'modal' ? 'Connect in a modal' : 'Connect inline',
  })
  await page.waitForFunction(() => document.body.dataset.ready === 'true')
  await button.click()
  const iframe = mode === 'modal' ? '[role="dialog"] iframe' : '#inline-connector iframe'
  await page.locator('#event-log > li[data-event="load"]').waitFor()
  await page.waitForFunction((selector) => {
    const frame = document.querySelector(selector)
    return frame !== null && getComputedStyle(frame).opacity === '1'
  }, iframe)
  await page
    .locator(iframe)
    .contentFrame()
    .getByRole('heading', { name: 'Select your institution' })
    .waitFor()
  if (mode === 'inline') {
    await page
      .locator('#inline-connector')
      .evaluate((el) => el.closest('section')?.scrollIntoView())
  }
}

await ensureBuilt()
await mkdir(docs, { recursive: true })
// An empty env: always the sandbox, whatever Quiltt credentials the shell exports.
const demo = await startDemo({ port: 0, env: {} })
const browser = await chromium.launch(launchOptions())
try {
  for (const { file, mode, viewport, scale = 1 } of SHOTS) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: scale })
    try {
      // The demo mints tokens only for a signed-in user, as the home page's form signs one in.
      const { origin } = new URL(demo.url)
      const signedIn = await context.request.post(`${origin}/api/signin`, {
        headers: { origin },
        data: { name: 'Screenshots' },
      })
      if (signedIn.status() !== 200) throw new Error(`POST /api/signin: ${signedIn.status()}`)
      const page = await context.newPage()
      if (mode === 'dark') await showDarkModal(page, demo.url)
      else if (mode.startsWith('over-dialog'))
        await showOverPageDialog(page, demo.url, mode.endsWith('dark'))
      else await showConnector(page, demo.url, mode)
      await page.screenshot({ path: `${docs}${file}`, animations: 'disabled', caret: 'hide' })
      console.log(`wrote docs/${file}`)
    } finally {
      await context.close()
    }
  }
} finally {
  await browser.close()
  await demo.close()
}
