// The checks that stop `npm run bench` when its figures would mean nothing: a session load whose
// requests failed or that never reached the Auth API, and budget rows that are not SPEC §9's.
import { describe, expect, test } from 'vitest'
import { BUDGETS } from '../lib/budgets.mjs'
import { budgetRowProblems, sessionProblems } from '../lib/preconditions.mjs'
import { judge } from '../lib/report.mjs'

/** What `npm run bench` measured, in the shape judge() reads: every budget met. */
function results() {
  const size = (gzip) => ({ gzip })
  return {
    sizes: {
      'quiltt-embed (ESM import)': size(5900),
      'quiltt-embed + scriptTransport (ESM import)': size(6700),
      'quiltt-embed.min.js (script tag)': size(7900),
    },
    bindings: { sdk: 5900, added: { 'quiltt-embed-react': 1250, 'quiltt-embed-vue': 1320 } },
    openToLoad: {
      sdkMs: 210,
      bareMs: 205,
      ratio: 1.02,
      preloaded: { preloadedMs: 1, coldMs: 210, ratio: 0.005, interval: [0.004, 0.006] },
    },
    scriptRequestsFor10: 1,
    cycles: {
      count: 500,
      nodesBefore: 9,
      nodesAfter: 9,
      listenersBefore: 1,
      listenersAfter: 1,
      heapBefore: 1000,
      heapAfter: 1050,
    },
    preloadCycles: {
      count: 500,
      nodesBefore: 9,
      nodesAfter: 9,
      messageListenersBefore: 0,
      messageListenersAfter: 0,
    },
    session: {
      users: 50,
      requestsPerUser: 10,
      instances: 2,
      requests: 1000,
      tokenRequests: 50,
      sessionsIssued: 50,
      errors: 0,
      failures: {},
      warm: { samples: 500, p50Ms: 1, p99Ms: 5 },
    },
  }
}
const probes = {
  before: { messageListeners: 0, liveNodes: 18 },
  after: { messageListeners: 0, liveNodes: 18 },
  interval: [0.95, 1.08],
}

describe('budget rows', () => {
  test('every SPEC §9 budget is judged, against its number, and all pass when met', () => {
    const rows = judge(results(), probes)
    expect(budgetRowProblems(rows)).toEqual([])
    expect(rows.filter((row) => !row.pass)).toEqual([])
    const keys = new Set(rows.filter((row) => row.source === 'SPEC §9').map((row) => row.key))
    expect([...keys].sort()).toEqual(Object.keys(BUDGETS).sort())
  })

  test('a row still judging against an old budget is named', () => {
    const rows = judge(results(), probes)
    const row = rows.find((r) => r.key === 'createConnector')
    Object.assign(row, { limit: 4500, budget: '≤ 4500 B (4.5 KB)' })
    expect(budgetRowProblems(rows)).toEqual([
      `the budget row "${row.figure}" judges against 4500, not SPEC §9's 6600`,
    ])
  })

  test('a SPEC §9 budget that no row judges is named', () => {
    const rows = judge(results(), probes).filter((row) => row.key !== 'binding')
    expect(budgetRowProblems(rows)).toEqual([
      `SPEC §9's budget for ${BUDGETS.binding.spec} has no row in the report`,
    ])
  })

  test('a figure over its budget fails its row (a finding, not a precondition)', () => {
    const over = results()
    over.bindings.added['quiltt-embed-vue'] = 1501
    over.session.tokenRequests = 51
    const rows = judge(over, probes)
    expect(rows.filter((row) => !row.pass).map((row) => row.key)).toEqual([
      'binding',
      'tokenRequests',
    ])
    expect(budgetRowProblems(rows)).toEqual([])
  })
})

describe('the session load', () => {
  test('failed requests and no Auth API call are both named, with what failed', () => {
    const refused = {
      ...results().session,
      tokenRequests: 0,
      sessionsIssued: 0,
      errors: 1000,
      failures: { '403 CROSS_SITE_REFUSED': 1000 },
    }
    const problems = sessionProblems(refused)
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/1000 of 1000 requests failed \(1000 × 403 CROSS_SITE_REFUSED\)/)
    expect(problems[1]).toMatch(/0 Auth API calls for 50 users/)
  })

  test("a count of Auth API calls that disagrees with the Auth API's own is named", () => {
    // As when quiltt-session began calling fetch(request) and the bench read only fetch(url, init).
    const uncounted = { ...results().session, tokenRequests: 0 }
    expect(sessionProblems(uncounted)).toEqual([
      expect.stringMatching(/counted 0 Auth API token requests where the Auth API issued 50/),
      expect.stringMatching(/0 Auth API calls for 50 users/),
    ])
  })

  test('a load that measured sessions has no problem', () => {
    expect(sessionProblems(results().session)).toEqual([])
  })
})
