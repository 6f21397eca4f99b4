// SPEC §9's budgets (re-based 2026-12-07), written down once. The bench's budget rows and their
// check, `npm run bench:size` and scripts/check-binding-sizes.mjs all read them from here, so no
// row can keep printing a budget SPEC no longer sets.

/** 1 KB = 1,000 bytes, as size-limit counts. */
export const KB = 1000

/** The quiltt-session load SPEC §9 budgets: 50 users × 10 concurrent requests, 2 instances. */
export const SESSION_LOAD = { users: 50, requestsPerUser: 10, instances: 2 }

/**
 * @typedef {object} Budget
 * @property {string} spec what SPEC §9 calls the figure
 * @property {number} limit the budget: bytes min+gzip, a ratio, or a count
 * @property {'max' | 'exactly'} kind whether the figure may be below the limit
 */

/** @type {Record<string, Budget>} */
export const BUDGETS = {
  createConnector: {
    spec: "import { createConnector } from 'quiltt-embed' (min+gzip)",
    limit: 6.6 * KB,
    kind: 'max',
  },
  scriptTransport: {
    spec: "import { createConnector, scriptTransport } from 'quiltt-embed' (min+gzip)",
    limit: 7.3 * KB,
    kind: 'max',
  },
  iife: { spec: 'quiltt-embed.min.js (everything, gzip)', limit: 8.6 * KB, kind: 'max' },
  binding: {
    spec: 'each framework binding on top of the SDK (React/Vue external, min+gzip)',
    limit: 1.5 * KB,
    kind: 'max',
  },
  openToLoad: {
    spec: 'open→load with the SDK ÷ bare iframe open→load, same page, median',
    limit: 1.1,
    kind: 'max',
  },
  preloaded: {
    spec: 'after preload(): open()→load ÷ cold open→load, median',
    limit: 0.1,
    kind: 'max',
  },
  cycles: {
    spec: '500 create/open/destroy (and preload/open/destroy) cycles: DOM nodes and message listeners after ÷ before',
    limit: 1,
    kind: 'exactly',
  },
  scriptRequests: {
    spec: '`connector.js` requests for 10 connectors on one page',
    limit: 1,
    kind: 'exactly',
  },
  tokenRequests: {
    spec: `quiltt-session: Auth API token requests for ${SESSION_LOAD.users} users × ${SESSION_LOAD.requestsPerUser} concurrent requests each, over ${SESSION_LOAD.instances} instances sharing one Redis`,
    limit: SESSION_LOAD.users,
    kind: 'exactly',
  },
}

/** `value` within `budget`: at most its limit, or exactly it. */
export const withinBudget = (/** @type {Budget} */ budget, /** @type {number} */ value) =>
  budget.kind === 'max' ? value <= budget.limit : value === budget.limit
