// Regenerates the README's screenshots from the demo (against its in-process sandbox): the modal at
// desktop and phone sizes, and the inline Connector. Run with `node scripts/screenshots.mjs`.
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
]

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
      const page = await context.newPage()
      await showConnector(page, demo.url, mode)
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
