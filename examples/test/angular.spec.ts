// examples/angular: a standalone, zoneless Angular app; "Connect your bank" opens the app's own
// Angular Material dialog, whose "Continue" opens the Connector with createConnector. An Express
// server serves the build and the session endpoint (nodeHandler); the build ends with
// `quiltt-secret-guard scan dist/quiltt-example/browser`.
// Besides the common flow, SPEC 6.1's rules for a page that already shows a modal dialog: the
// SDK's modal is on top and takes its own clicks and keys, Escape and its close button close it
// and leave the Material dialog open, and focus goes back to the button that opened it.
import { expect, type Page, test } from '@playwright/test'
import { modalConnector } from './support/connector'
import { expectLeakRefused } from './support/leak'
import { exampleSuite, signIn } from './support/suite'

/** The app's Material dialog (named by its mat-dialog-title). */
const materialDialog = (page: Page) => page.getByRole('dialog', { name: 'Connect your bank' })
/** The SDK's modal (named by its aria-label). */
const sdkDialog = (page: Page) => page.getByRole('dialog', { name: 'Quiltt Connector' })

async function openFromMaterialDialog(page: Page) {
  await page.getByRole('button', { name: 'Connect your bank' }).click()
  await materialDialog(page).getByRole('button', { name: 'Continue' }).click()
}

// Independent: SPEC 6.1's rules are checked one by one, and the leak case runs whatever they find.
const suite = exampleSuite('angular', { openConnector: openFromMaterialDialog, independent: true })

/**
 * The Material dialog is still open, with focus back on Continue. A dialog that is closing stays
 * in the DOM while it animates out, so first let every animation the page started settle.
 */
async function expectMaterialDialogOpen(page: Page) {
  await page.evaluate(() => Promise.allSettled(document.getAnimations().map((a) => a.finished)))
  await expect(materialDialog(page)).toBeVisible()
  await expect(materialDialog(page).getByRole('button', { name: 'Continue' })).toBeFocused()
  // Material restores focus to the page's own button when its dialog has closed.
  // (While it is open, Material hides the page from assistive technology: includeHidden.)
  await expect(
    page.getByRole('button', { name: 'Connect your bank', includeHidden: true }),
  ).not.toBeFocused()
}

test.describe('the SDK modal over the Material dialog (SPEC 6.1)', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, `http://127.0.0.1:${suite().app.port}`)
    await openFromMaterialDialog(page)
    // Loaded: the SDK shows its iframe once the Connector reported Load.
    await expect(modalConnector(page).owner()).toHaveCSS('opacity', '1')
    await expect(
      modalConnector(page).getByRole('heading', { name: 'Select your institution' }),
    ).toBeVisible()
  })

  test('the Connector is on top: elementFromPoint at its centre is its iframe', async ({
    page,
  }) => {
    const hit = await modalConnector(page)
      .owner()
      .evaluate((iframe) => {
        const box = iframe.getBoundingClientRect()
        return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === iframe
      })
    expect(hit).toBe(true)
  })

  test('a click inside the Connector goes through, and the Material dialog stays open', async ({
    page,
  }) => {
    const connector = modalConnector(page)
    // A real pointer click at the button's place: it fails if anything else is drawn over it.
    await connector.getByRole('button', { name: 'Sandbox Bank', exact: true }).click()
    await expect(connector.getByLabel('Username')).toBeVisible()
    await expect(materialDialog(page)).toBeVisible()
  })

  test('Escape closes the SDK modal only; focus returns to Continue', async ({ page }) => {
    // Escape from the SDK's own dialog (keys inside the cross-origin Connector reach no one).
    await sdkDialog(page).focus()
    await page.keyboard.press('Escape')
    await expect(sdkDialog(page)).toHaveCount(0)
    await expectMaterialDialogOpen(page)
    // The Material dialog takes clicks again.
    await materialDialog(page).getByRole('button', { name: 'Not now' }).click()
    await expect(materialDialog(page)).toHaveCount(0)
  })

  test("the SDK's close button closes the SDK modal only; focus returns to Continue", async ({
    page,
  }) => {
    await sdkDialog(page).getByRole('button', { name: 'Close' }).click()
    await expect(sdkDialog(page)).toHaveCount(0)
    await expectMaterialDialogOpen(page)
  })
})

// Last: it rebuilds the app in place (`npm run build` as written, ng build then the scan).
test('a secret written into the app fails the build at the scan, which never prints it', async () => {
  const { dir, sandbox } = suite()
  const secret = sandbox.apiKeySecret
  const output = await expectLeakRefused(
    dir,
    secret,
    {
      // The mistake: the secret pasted into client code, where Angular bundles it.
      'src/app/settings.ts': (settings) =>
        `${settings}\nexport const quilttKey = ${JSON.stringify(secret)}\n`,
      'src/main.ts': (main) =>
        `import { quilttKey } from './app/settings'\nconsole.log(quilttKey)\n${main}`,
    },
    ['build'],
  )
  expect(output).toContain('dist/quiltt-example/browser')
})
