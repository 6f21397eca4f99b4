// How apps call quiltt-session, type-checked without @types/node and under
// exactOptionalPropertyTypes. Each @ts-expect-error is a mistake the types must catch.
import { createSessions, memoryStore, redisStore, type Session } from 'quiltt-session'

// What `process.env` gives an app (declared here: this project has no @types/node).
declare const env: Record<string, string | undefined>

const sessions = createSessions({
  apiKeySecret: env.QUILTT_API_KEY_SECRET,
  authUrl: env.QUILTT_AUTH_URL,
  store: memoryStore({ maxUsers: undefined, now: undefined }),
  refreshWithin: undefined,
  timeout: undefined,
  fetch: undefined,
  now: undefined,
})
redisStore({}, { prefix: env.REDIS_PREFIX })

// Next.js, Hono: the handler takes the Request, and so does user().
export const POST = sessions.handler({
  user: (request) => (request.headers.get('cookie') ? { userId: 'p_1' } : undefined),
  allowOrigins: env.ALLOW_ORIGINS?.split(','),
  onError: undefined,
})
const answer: Promise<Response> = POST(new Request('https://app.example/api/quiltt/session'))

// SvelteKit: a RequestEvent carrying the Request; user() gets the event and its locals.
interface RequestEvent {
  request: Request
  locals: { user?: { quilttProfileId: string } }
}
type RequestHandler = (event: RequestEvent) => Promise<Response>
export const SVELTEKIT_POST: RequestHandler = sessions.handler({
  user: (event: RequestEvent) => event.locals.user && { userId: event.locals.user.quilttProfileId },
})

// Express: nodeHandler() with the app's own request type.
interface ExpressRequest {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
  user?: { quilttProfileId: string }
}
interface ExpressResponse {
  writeHead(status: number, headers: Record<string, string>): this
  end(body: string): this
}
const expressEndpoint: (req: ExpressRequest, res: ExpressResponse) => Promise<void> =
  sessions.nodeHandler({
    user: (req: ExpressRequest) => req.user && { userId: req.user.quilttProfileId },
  })

async function issued(): Promise<Session> {
  return sessions.issue({ uuid: 'user-123', email: undefined })
}

// @ts-expect-error apiKeySecret must be named (string | undefined), not left out
createSessions({})
// @ts-expect-error a handler is called with a Request or { request }, not a string
sessions.handler({ user: (input: string) => ({ userId: input }) })
// @ts-expect-error user() returns what issue() takes, or nothing
sessions.handler({ user: () => 'p_1' })

export { answer, expressEndpoint, issued }
