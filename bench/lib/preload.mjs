// The preload() figures: how long open() → `load` takes for a Connector prepared by preload(),
// against the same connector opened cold, and the long-use run repeated as preload/open/destroy.
import { compareRuns } from './compare.mjs'
import { runCycles } from './cycles.mjs'
import { sdkCold, sdkPreloaded } from './open-to-load.mjs'
import { median, ratioInterval, round } from './stats.mjs'

/**
 * Alternating pairs of a preloaded and a cold open() → `load` on one page (compare.mjs). A
 * prepared Connector shows in well under a millisecond, so the figures keep more digits.
 * @param {import('playwright').Page} page the bench page
 * @param {Parameters<typeof compareRuns>[2]} plan
 * @returns {Promise<{ preloadedMs: number, coldMs: number, ratio: number, interval: [number, number] }>}
 */
export async function comparePreloaded(page, plan) {
  const { sdk, bare } = await compareRuns(page, { sdk: sdkPreloaded, bare: sdkCold }, plan)
  return {
    preloadedMs: round(median(sdk), 3),
    coldMs: round(median(bare), 2),
    ratio: round(median(sdk) / median(bare), 4),
    interval: /** @type {[number, number]} */ (
      ratioInterval(sdk, bare).map((value) => round(value, 4))
    ),
  }
}

/**
 * `count` preload → open → destroy cycles (modal and inline in turn) after `warmup` of the same,
 * measured by `probe` before and after (elements, live nodes, listeners, heap).
 * @param {import('playwright').Page} page a fresh bench page
 * @param {{ snapshot: () => Promise<import('./probe.mjs').Snapshot> }} probe opened on `page`
 * @param {{ count: number, warmup: number, token: string, connectorUrl: string }} options
 */
export async function runPreloadCycles(page, probe, { count, warmup, token, connectorUrl }) {
  const options = { token, connectorUrl, preload: true }
  await runCycles(page, { ...options, count: warmup })
  const before = await probe.snapshot()
  const result = await runCycles(page, { ...options, count })
  const after = await probe.snapshot()
  if (result.preloaded !== count || result.loads !== count)
    throw new Error(`preload cycles: ${JSON.stringify(result)}`)
  return {
    count: result.cycles,
    ms: result.ms,
    nodesBefore: before.nodes,
    nodesAfter: after.nodes,
    liveNodesBefore: before.liveNodes,
    liveNodesAfter: after.liveNodes,
    listenersBefore: before.listeners,
    listenersAfter: after.listeners,
    messageListenersBefore: before.messageListeners,
    messageListenersAfter: after.messageListeners,
    heapBefore: before.heap,
    heapAfter: after.heap,
  }
}
