// What a bench run must have done for its figures to mean anything. A failed budget is a finding
// the report shows; a failed precondition means the figure measured something else (the
// quiltt-session load once timed 1,000 refusals and reported 0 Auth API calls), so the bench
// stops with exit code 1 and names the figure instead of printing it.
import { BUDGETS } from './budgets.mjs'

/**
 * @param {import('./session-load.mjs').SessionLoad} session
 * @returns {string[]} what is wrong, one line each; empty when the load measured sessions
 */
export function sessionProblems(session) {
  const problems = []
  const figure = 'the quiltt-session load'
  if (session.errors > 0) {
    const kinds = Object.entries(session.failures)
      .map(([kind, count]) => `${count} × ${kind}`)
      .join(', ')
    problems.push(
      `${figure}: ${session.errors} of ${session.requests} requests failed (${kinds}); its timings and token count would describe the failures, not sessions being issued`,
    )
  }
  if (session.tokenRequests !== session.sessionsIssued) {
    problems.push(
      `${figure}: the bench counted ${session.tokenRequests} Auth API token requests where the Auth API issued ${session.sessionsIssued} sessions; the count is not counting what it claims`,
    )
  }
  if (session.tokenRequests === 0) {
    problems.push(
      `${figure}: 0 Auth API calls for ${session.users} users; no token was ever requested, so there is nothing to count`,
    )
  }
  return problems
}

/**
 * @typedef {{ figure: string, source: string, key?: string, limit?: number, budget: string }} Row
 * @param {Row[]} rows the report's budget rows
 * @returns {string[]} rows whose budget is not SPEC §9's, and SPEC §9 budgets no row judges
 */
export function budgetRowProblems(rows) {
  const problems = []
  for (const row of rows.filter((row) => row.source === 'SPEC §9')) {
    const budget = row.key === undefined ? undefined : BUDGETS[row.key]
    if (!budget) {
      problems.push(
        `the budget row "${row.figure}" names no SPEC §9 budget (bench/lib/budgets.mjs)`,
      )
    } else if (row.limit !== budget.limit) {
      problems.push(
        `the budget row "${row.figure}" judges against ${row.limit ?? row.budget}, not SPEC §9's ${budget.limit}`,
      )
    }
  }
  for (const [key, budget] of Object.entries(BUDGETS)) {
    if (!rows.some((row) => row.source === 'SPEC §9' && row.key === key)) {
      problems.push(`SPEC §9's budget for ${budget.spec} has no row in the report`)
    }
  }
  return problems
}
