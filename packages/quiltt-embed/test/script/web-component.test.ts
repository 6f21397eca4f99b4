// The README's web component (fixtures/link-bank.js), run as written on a script-tag page with a
// strict CSP and Trusted Types: its button lives in a shadow root, it calls
// `QuilttEmbed.autoBind(this.shadowRoot)` with no configuration, and the script tag's own
// (data-token-url, data-connector-url) is used. Focus goes back into the shadow root after.
import { afterEach, beforeAll, expect, test } from 'vitest'
import { cleanup, expectFreshBundle, loadPage, originOf, unique } from './helpers'

afterEach(cleanup)

beforeAll(expectFreshBundle)

interface Report {
  fixturePage: string
  seen: string[]
  code: string | null
  frameOrigin: string | null
  modal: boolean
  focusInDialog: boolean
  dialogsAfter: number
  focusBack: boolean
}

test('a button in a shadow root, bound by autoBind(shadowRoot) with the script tag’s configuration', async () => {
  const connectorId = unique('wc')
  const report = await loadPage<Report>('/pages/web-component.html', { connectorId })
  expect(report).toEqual({
    fixturePage: 'web-component',
    seen: ['open', 'load'],
    code: null,
    frameOrigin: originOf(connectorId),
    modal: true,
    focusInDialog: true,
    dialogsAfter: 0,
    focusBack: true,
  })
})
