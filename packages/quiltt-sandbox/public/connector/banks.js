// @ts-check
// Shared by the Connector page (browser) and the sandbox server (Node), so both agree on the list.

/**
 * @typedef {object} Bank
 * @property {string} id Institution ID (also accepted by the `institution` parameter)
 * @property {string} name shown to the user and used as the button's accessible name
 * @property {'credentials' | 'oauth'} login
 * @property {boolean} fails true when connecting always fails
 */

/** @type {readonly Bank[]} */
export const BANKS = Object.freeze([
  { id: 'sandbox-bank', name: 'Sandbox Bank', login: 'credentials', fails: false },
  { id: 'failing-bank', name: 'Failing Bank', login: 'credentials', fails: true },
  { id: 'oauth-bank', name: 'OAuth Bank', login: 'oauth', fails: false },
])

/**
 * The bank whose ID or name equals `query` (case-insensitive), if any.
 * @param {unknown} query
 * @returns {Bank | undefined}
 */
export function findBank(query) {
  if (typeof query !== 'string') return undefined
  const q = query.trim().toLowerCase()
  return BANKS.find((bank) => bank.id === q || bank.name.toLowerCase() === q)
}

/**
 * Banks whose name or ID contains `term` (case-insensitive); all of them for an empty term.
 * @param {string} term
 */
export function searchBanks(term) {
  const q = term.trim().toLowerCase()
  return BANKS.filter((bank) => bank.name.toLowerCase().includes(q) || bank.id.includes(q))
}
