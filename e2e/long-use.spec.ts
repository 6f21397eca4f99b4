// Long use (issue 5): a page that creates, opens and destroys connectors again and again keeps no
// elements, no listeners and no heap from them. `npm run bench` runs the same cycles 500 times;
// this runs fewer, against the worker's sandbox, on a bare page serving the script-tag build.
import type { Page } from '@playwright/test'
import { runCycles } from '../bench/lib/cycles.mjs'
import { startPageServer } from '../bench/lib/page-server.mjs'
import { openProbe } from '../bench/lib/probe.mjs'
import { issueToken } from '../bench/lib/session.mjs'
import { expect, test } from './fixtures'

const CYCLES = 40
/**
 * The first cycles allocate for good (optimised code, inline caches): the heap climbs for about
 * 15 cycles, then stays flat (bench/README.md). The baseline is taken after them.
 */
const WARMUP = 20
/** For the sabotaged run: enough to see growth, no more. */
const SABOTAGED = 4

// The trace's screencast repaints with every Connector load and made this file ~4× slower; DOM
// snapshots stay, so a failure still has its trace.
test.use({ trace: { mode: 'retain-on-failure', screenshots: false } })

let server: Awaited<ReturnType<typeof startPageServer>>
test.beforeAll(async () => {
  server = await startPageServer()
})
test.afterAll(async () => {
  await server?.close()
})

async function setUp(page: Page, sandbox: { authUrl: string; apiKeySecret: string }) {
  await page.goto(server.url)
  const probe = await openProbe(page)
  // A Profile of its own, so the sandbox's per-Profile rate limit never involves other tests.
  const token = await issueToken(sandbox, `long-use-${test.info().testId}@example.com`)
  return { probe, token }
}

test(`${CYCLES} modal and inline create/open/destroy cycles leave nodes, listeners and heap as they were`, async ({
  page,
  sandbox,
}) => {
  // 60 real Connector loads, each in a new renderer process: about 30 s on a lightly shared
  // 2-core machine, minutes when other suites run alongside. Every wait is on a condition.
  test.setTimeout(240_000)
  const { probe, token } = await setUp(page, sandbox)
  const options = { token, connectorUrl: sandbox.connectorUrl }
  await runCycles(page, { ...options, count: WARMUP })
  const before = await probe.snapshot()

  // Every cycle waits for the Connector's real Load before destroy().
  const result = await runCycles(page, { ...options, count: CYCLES })
  expect(result).toMatchObject({ cycles: CYCLES, loads: CYCLES, modal: CYCLES / 2 })

  const after = await probe.snapshot()
  expect(after.nodes).toBe(before.nodes)
  // Removed is not enough: nothing may keep a removed element alive (a running animation would).
  expect(after.liveNodes).toBe(before.liveNodes)
  expect(after.listeners).toBe(before.listeners)
  expect(after.messageListeners).toBe(before.messageListeners)
  expect(after.heap / before.heap).toBeLessThanOrEqual(1.1)
  await probe.detach()
})

test('the same check fails when a connector keeps its listener and elements', async ({
  page,
  sandbox,
}) => {
  const { probe, token } = await setUp(page, sandbox)
  const options = { token, connectorUrl: sandbox.connectorUrl }
  await runCycles(page, { ...options, count: 2 })
  const before = await probe.snapshot()
  // The SDK's cleanup sabotaged from outside, whatever its code looks like inside: `message`
  // listeners are never removed and elements never leave the page.
  await page.evaluate(() => {
    const removeListener = EventTarget.prototype.removeEventListener
    EventTarget.prototype.removeEventListener = function (type, ...rest) {
      if (type !== 'message') removeListener.call(this, type, ...rest)
    }
    Element.prototype.remove = () => {}
  })
  await runCycles(page, { ...options, count: SABOTAGED })
  const after = await probe.snapshot()
  expect(after.messageListeners).toBe(before.messageListeners + SABOTAGED)
  expect(after.listeners).toBe(before.listeners + SABOTAGED)
  expect(after.nodes).toBeGreaterThan(before.nodes)
  expect(after.liveNodes).toBeGreaterThan(before.liveNodes)
  await probe.detach()
})
