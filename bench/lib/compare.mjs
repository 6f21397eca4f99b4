// Medians of SDK vs hand-made runs on one page, alternating which goes first in each pair so
// drift (other processes, warming caches) lands on both sides equally.
import { median, ratioInterval, round } from './stats.mjs'

/**
 * @param {import('playwright').Page} page
 * @param {{ sdk: import('./open-to-load.mjs').Run, bare: import('./open-to-load.mjs').Run }} runs
 * @param {{ runs: number, warmup: number, options: () => Promise<import('./open-to-load.mjs').RunOptions> }} plan
 *   `options()` is called before every run (a fresh session token each time)
 * @returns {Promise<{ sdkMs: number, bareMs: number, ratio: number, interval: [number, number], sdk: number[], bare: number[] }>}
 *   medians, their ratio, its 95% bootstrap interval and the samples
 */
export async function compareRuns(page, { sdk, bare }, { runs, warmup, options }) {
  /** @type {number[]} */
  const sdkTimes = []
  /** @type {number[]} */
  const bareTimes = []
  for (let i = 0; i < warmup + runs; i++) {
    // The SDK goes first in the first pair: a hand-made script run needs connector.js on the page.
    const order = i % 2 ? [bare, sdk] : [sdk, bare]
    for (const run of order) {
      const ms = await run(page, await options())
      if (i >= warmup) (run === sdk ? sdkTimes : bareTimes).push(ms)
    }
  }
  const sdkMs = median(sdkTimes)
  const bareMs = median(bareTimes)
  return {
    sdkMs: round(sdkMs),
    bareMs: round(bareMs),
    ratio: round(sdkMs / bareMs, 3),
    interval: /** @type {[number, number]} */ (
      ratioInterval(sdkTimes, bareTimes).map((value) => round(value, 3))
    ),
    sdk: sdkTimes,
    bare: bareTimes,
  }
}
