// The bench's quiltt-session load (SPEC §9: 50 users × 10 concurrent requests over 2 instances
// sharing one Redis), smaller, in `npm test`: 10 users × 10 requests over 2 node:http instances
// and a real redis-server. Every request must get a token and each user must cost exactly one Auth
// API call. A change of the handler's same-origin rule once turned every bench request into a 403,
// and the bench went on reporting 0 Auth API calls and the time a refusal takes.
import { expect, test } from 'vitest'
import { sessionProblems } from '../lib/preconditions.mjs'
import { measureSessionLoad } from '../lib/session-load.mjs'

test('10 users × 10 concurrent requests over 2 instances and one Redis: 10 Auth API calls, 0 failed requests', async () => {
  const session = await measureSessionLoad({ users: 10, requestsPerUser: 10, instances: 2 })

  expect(session.failures).toEqual({})
  expect(session.errors).toBe(0)
  expect(session.requests).toBe(200) // 100 at once, then the same 100 one user at a time
  expect(session.tokenRequests).toBe(10)
  expect(session.sessionsIssued).toBe(10)
  expect(sessionProblems(session)).toEqual([])
})
