// Small statistics for timing samples.

/** @param {number[]} values @returns {number} */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** @param {number} value @param {number} [digits] */
export const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits

/**
 * 95% bootstrap interval of median(a) ÷ median(b), resampling the pairs (a[i], b[i]) together
 * so that what drifted during a pair stays in it. Deterministic (fixed seed).
 * @param {number[]} a @param {number[]} b @param {number} [rounds]
 * @returns {[number, number]}
 */
export function ratioInterval(a, b, rounds = 2000) {
  let seed = 1
  const random = () => {
    seed = (seed * 16807) % 2147483647
    return seed / 2147483647
  }
  const ratios = []
  for (let r = 0; r < rounds; r++) {
    const picks = a.map(() => Math.floor(random() * a.length))
    ratios.push(median(picks.map((i) => a[i])) / median(picks.map((i) => b[i])))
  }
  ratios.sort((x, y) => x - y)
  return [ratios[Math.floor(rounds * 0.025)], ratios[Math.floor(rounds * 0.975)]]
}
