// @ts-check
// What the SDKs say about themselves (SPEC §4.4): the `agent` query parameter on Connector page
// loads and on connector.js requests, and the `Quiltt-SDK-Agent` header on Auth API calls. The
// sandbox records each as it arrived, so tests can check who called and that nothing was left out.

/** The latest values each list keeps: a long-running sandbox must not grow without end. */
const KEEP = 100
/** An agent is a short product string; anything longer is cut to this. */
const MAX_LENGTH = 200

/**
 * @typedef {{ connectorPages: (string | null)[], scripts: (string | null)[], authApi: (string | null)[] }} Agents
 *   each request's agent, oldest first; `null` when it carried none
 */

/** @returns {Agents} */
export const createAgents = () => ({ connectorPages: [], scripts: [], authApi: [] })

/**
 * Records one request's agent (a missing one as `null`).
 * @param {(string | null)[]} list
 * @param {string | string[] | null | undefined} value
 */
export function recordAgent(list, value) {
  list.push(typeof value === 'string' ? value.slice(0, MAX_LENGTH) : null)
  if (list.length > KEEP) list.splice(0, list.length - KEEP)
}
