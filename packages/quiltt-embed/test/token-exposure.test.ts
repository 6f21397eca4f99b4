// Where the session token can and cannot be found on the host page after close() (issue 16).
// Quiltt's protocol puts the token in the Connector iframe's URL, so the browser records it in
// Resource Timing, which RUM and session-replay scripts collect. The README says so; this test
// pins down exactly that, and that nothing else the page can read holds the token.
import { afterEach, expect, test } from 'vitest'
import { cleanup, create, makeContainer, makeToken } from './helpers'

afterEach(cleanup)

/** Everything on the page a script could read, except Resource Timing, as one string. */
function readablePageState(): string {
  const storage = (area: Storage) => Object.keys(area).map((key) => `${key}=${area.getItem(key)}`)
  return JSON.stringify({
    html: document.documentElement.outerHTML,
    cookie: document.cookie,
    local: storage(localStorage),
    session: storage(sessionStorage),
    url: location.href,
    history: history.state,
    name: window.name,
    referrer: document.referrer,
  })
}

test.each([
  ['modal', false],
  ['inline', true],
])('%s: after close(), the token is in Resource Timing and nowhere else', async (_, inline) => {
  const token = makeToken(3600, { jti: crypto.randomUUID() })
  const connector = create({ token, ...(inline ? { container: makeContainer() } : {}) })
  await connector.open()
  // While open, the iframe's src attribute carries it (that is the protocol).
  expect(document.querySelector(`iframe[src*="${token}"]`)).not.toBeNull()
  connector.close()

  // CAN be found: the browser's Resource Timing entry for the Connector's page load.
  const entries = performance
    .getEntriesByType('resource')
    .filter((entry) => entry.name.includes(token))
  expect(entries.length).toBeGreaterThan(0)
  expect(
    entries.every((entry) => (entry as PerformanceResourceTiming).initiatorType === 'iframe'),
  ).toBe(true)

  // CANNOT be found: the DOM (no iframe or attribute left), storage, cookies, the page URL,
  // history, window.name, or the connector handle itself.
  expect(readablePageState()).not.toContain(token)
  expect(document.querySelector('iframe')).toBeNull()
  expect(JSON.stringify(connector)).not.toContain(token)
})

test('clearing Resource Timing is up to the page: performance.clearResourceTimings() removes it', async () => {
  const token = makeToken(3600, { jti: crypto.randomUUID() })
  const connector = create({ token })
  await connector.open()
  connector.close()
  expect(performance.getEntriesByType('resource').some((entry) => entry.name.includes(token))).toBe(
    true,
  )
  performance.clearResourceTimings()
  expect(performance.getEntriesByType('resource').some((entry) => entry.name.includes(token))).toBe(
    false,
  )
})
