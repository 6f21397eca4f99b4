// @ts-check

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

/**
 * Quiltt limits session issuance per Profile (10/hour, 20/day by default), with sliding windows.
 * Revoking a token frees its slot, as Quiltt documents.
 * @param {{ perHour: number, perDay: number, now: () => number }} config
 */
export function createRateLimiter({ perHour, perDay, now }) {
  /** profileId → issuances in the last day, oldest first */
  const issued = new Map()

  /** @param {string} profileId @returns {{ at: number, jti: string }[]} */
  function recent(profileId) {
    const cutoff = now() - DAY
    const list = (issued.get(profileId) ?? []).filter(
      (/** @type {{ at: number }} */ entry) => entry.at > cutoff,
    )
    if (list.length) issued.set(profileId, list)
    else issued.delete(profileId)
    return list
  }

  /**
   * Seconds until the Profile may get another token; 0 when it may now.
   * @param {string} profileId
   */
  function retryAfter(profileId) {
    const list = recent(profileId)
    const hourAgo = now() - HOUR
    const lastHour = list.filter((entry) => entry.at > hourAgo)
    let waitMs = 0
    if (lastHour.length >= perHour)
      waitMs = (lastHour[lastHour.length - perHour]?.at ?? 0) + HOUR - now()
    if (list.length >= perDay) {
      waitMs = Math.max(waitMs, (list[list.length - perDay]?.at ?? 0) + DAY - now())
    }
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0
  }

  /**
   * Takes a slot synchronously (before any await) so concurrent requests cannot overshoot the
   * limit; the caller fills in `jti` once the token exists.
   * @param {string} profileId
   */
  function record(profileId) {
    const entry = { at: now(), jti: '' }
    issued.set(profileId, [...recent(profileId), entry])
    return entry
  }

  /** @param {string} profileId @param {string} jti */
  function release(profileId, jti) {
    const list = recent(profileId).filter((entry) => entry.jti !== jti)
    if (list.length) issued.set(profileId, list)
    else issued.delete(profileId)
  }

  return { retryAfter, record, release }
}
