// The demo pages' own policy: no inline script runs, and the fixture that fails every other test
// on a CSP violation really sees one.
import { expect, test } from './fixtures'

test.use({ failOnPageProblems: false })

test('the demo CSP refuses inline script, and the violation is reported', async ({
  page,
  pageProblems,
}) => {
  await page.goto('/spa.html')
  await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'document.body.dataset.inline = "ran"'
    document.body.append(script)
  })

  await expect.poll(() => pageProblems.join('\n')).toContain('CSP:')
  expect(await page.evaluate(() => document.body.dataset.inline)).toBeUndefined()
})
