// open() with no user action, as an app calls it right after a redirect back to its page: the
// modal opens in the top layer, focus moves into it, and a real Escape closes it (README, "Inside
// your own dialogs and components").
import { expect } from './fixtures'
import { holdConnectorPage } from './helpers'
import { test } from './sdk-pages'

test('open() on page load, with no click or key before it: modal, focused, and Escape closes it', async ({
  page,
  demo,
  sdkPages,
}) => {
  const connectorUrl = demo.sandbox!.connectorUrl
  // Held: the sandbox Connector takes focus when it renders, and its keys are its own.
  const release = await holdConnectorPage(page)
  await sdkPages.open(page, {
    body: `<p>Back from your bank</p><script>
      addEventListener('DOMContentLoaded', () => {
        document.body.dataset.activeBeforeOpen = String(navigator.userActivation.hasBeenActive)
        const connector = QuilttEmbed.createConnector({
          connectorId: '${demo.connectorId}',
          connectorUrl: '${connectorUrl}',
          token: { url: '/session' },
        })
        connector.on('exitAbort', () => document.body.setAttribute('data-exit', 'abort'))
        connector.open()
      })
    </script>`,
  })
  const dialog = page.getByRole('dialog', { name: 'Quiltt Connector' })
  await expect(dialog).toBeVisible()
  // No user activation when open() ran: nothing the user did let the browser allow it.
  await expect(page.locator('body')).toHaveAttribute('data-active-before-open', 'false')
  expect(await dialog.evaluate((element) => element.matches(':modal'))).toBe(true)
  expect(await dialog.evaluate((element) => element === document.activeElement)).toBe(true)
  await page.keyboard.press('Escape')
  release()
  await expect(dialog).toHaveCount(0)
  await expect(page.locator('body')).toHaveAttribute('data-exit', 'abort')
})
