// A page served with no charset (a CMS's default): the browser reads the page, and the script tag
// it loads without a charset of its own, as windows-1252. The SDK's own words must still read
// `×` and `Loading…`, not `Ã—` and `Loadingâ€¦` (issue 27): the IIFE is ASCII.
import { expect } from './fixtures'
import { holdConnectorPage } from './helpers'
import { test } from './sdk-pages'

test('the close button shows × and the loading text Loading… on a page with no charset', async ({
  page,
  demo,
  sdkPages,
}) => {
  const release = await holdConnectorPage(page)
  await sdkPages.open(page, {
    charset: null,
    body: `<button data-quiltt-button="${demo.connectorId}">Link your bank</button>`,
  })
  // The condition under test: the browser did not read this page as UTF-8.
  expect(await page.evaluate(() => document.characterSet)).toBe('windows-1252')
  await page.getByRole('button', { name: 'Link your bank' }).click()
  const dialog = page.getByRole('dialog', { name: 'Quiltt Connector' })
  await expect(dialog.getByRole('button', { name: 'Close' })).toHaveText('\u00d7')
  await expect(dialog.getByRole('status')).toHaveText('Loading\u2026')
  release()
})
