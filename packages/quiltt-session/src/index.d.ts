// Written against the Fetch types (lib "DOM" or any runtime that declares Request/Response) and
// structural Node types below, so a consumer needs no @types/node.

/**
 * `code` of every {@link SessionError}:
 * - `INVALID_OPTIONS` — a bad option to `createSessions`, a store or a handler
 * - `INVALID_USER` — `issue()` got neither `{ userId }` nor Profile attributes, or Quiltt refused them
 * - `PROFILE_NOT_FOUND` — Quiltt has no Profile with this `userId`
 * - `UNAUTHORIZED` — Quiltt refused the API key secret (401/403)
 * - `RATE_LIMITED` — Quiltt's 10/hour, 20/day limit and no valid cached token; see `retryAfter`
 * - `UPSTREAM_FAILED` — the Auth API was unreachable, redirected, answered 5xx or a malformed body,
 *   or the runtime refused to build the request (the message says which; `cause` is
 *   `{ name, code? }` of the underlying error, never its message)
 * - `STORE_FAILED` — the store (Redis) did not answer; no token was issued
 */
export type SessionErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_USER'
  | 'PROFILE_NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'RATE_LIMITED'
  | 'UPSTREAM_FAILED'
  | 'STORE_FAILED'

/**
 * Everything the package throws. Messages never contain a token or the API key secret.
 *
 * @example
 * try { await sessions.issue({ userId }) } catch (error) {
 *   if (error instanceof SessionError && error.code === 'RATE_LIMITED') retryIn(error.retryAfter)
 * }
 */
export declare class SessionError extends Error {
  readonly name: 'SessionError'
  readonly code: SessionErrorCode
  /** The Auth API's HTTP status, when it answered. */
  readonly status: number | undefined
  /** Seconds until Quiltt allows a new token (`RATE_LIMITED` only). */
  readonly retryAfter: number | undefined
  constructor(
    code: SessionErrorCode,
    message: string,
    details?: {
      status?: number | undefined
      retryAfter?: number | undefined
      cause?: unknown
    },
  )
}

/** A session token for one Quiltt Profile. */
export interface Session {
  /** The session token (a JWT): give it to the browser, never the secret. */
  token: string
  /** The Quiltt Profile ID: keep it with your user after `issue(attributes)`. */
  userId: string
  /** When the token expires, ISO 8601. */
  expiresAt: string
}

/** Who a token is for: an existing Profile, or attributes for a new one. */
export type UserInput =
  | ({ userId: string } & Record<string, unknown>)
  | {
      email?: string | undefined
      phone?: string | undefined
      name?: string | undefined
      /** A stable ID of your own for this user: prefer it to an email, which can be recycled. */
      uuid?: string | undefined
      metadata?: Record<string, unknown> | undefined
      [attribute: string]: unknown
    }

/**
 * Where tokens, locks and Profile IDs live. `memoryStore()` and `redisStore(client)` implement
 * it; a custom store must give `lock` the semantics of Redis `SET key owner NX PX ttl`.
 */
export interface SessionStore {
  get(key: string): Promise<string | undefined>
  /** Without `ttl` (ms) the entry never expires. */
  set(key: string, value: string, ttl?: number | undefined): Promise<void>
  delete(key: string): Promise<void>
  /** Takes the lock for `ttl` ms if free; resolves the owner value, or undefined if held. */
  lock(key: string, ttl: number): Promise<string | undefined>
  /** Releases the lock only if `owner` still holds it. */
  unlock(key: string, owner: string): Promise<void>
}

export interface SessionsOptions {
  /**
   * Your Quiltt API key secret. Only ever sent to `authUrl`, as a Bearer token. Trimmed of
   * surrounding whitespace; then it must be printable ASCII without spaces, 8 characters or more.
   * Missing, empty or malformed is reported at first use (every `issue()` rejects
   * `INVALID_OPTIONS` naming the setting, never the value; the handler answers 500), never at
   * construction, so a build without the secret passes.
   */
  apiKeySecret: string | undefined
  /** Default `https://auth.quiltt.io`; a quiltt-sandbox's `authUrl` in development. */
  authUrl?: string | undefined
  /** Default `memoryStore()`. Use `redisStore(client)` when several instances serve users. */
  store?: SessionStore | undefined
  /**
   * A cached token is replaced once it is this close to expiry, in ms, or once half its life has
   * gone if that comes first. Default 1 hour.
   */
  refreshWithin?: number | undefined
  /** Auth API request timeout in ms. Default 10000. */
  timeout?: number | undefined
  /** Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined
  /** Clock in epoch ms, for tests. Default `Date.now`. */
  now?: (() => number) | undefined
}

/** What `user(request)` returns: a user for `issue()`, or nothing (→ 401). */
export type UserResult = UserInput | undefined | null | false

/**
 * What a handler is called with: a Fetch `Request` (Next.js, Hono, Bun, Deno, Workers) or an
 * object carrying one as `request` (SvelteKit's `RequestEvent`, Astro's `APIContext`).
 */
export type HandlerInput = Request | { readonly request: Request }

export interface HandlerOptions<Input extends HandlerInput = Request> {
  /**
   * Finds the signed-in user; nothing → `401`. May be async. Gets what the framework passed the
   * handler (the `Request`, or SvelteKit's `RequestEvent` with its `locals`).
   */
  user: (input: Input) => UserResult | Promise<UserResult>
  /**
   * Your app's own public origins, e.g. `['https://app.example.com']`. Given, only requests
   * whose `Origin` is one of them are accepted (the `Host` check is not used): the production
   * defence against DNS rebinding. Without it, `Origin` must match `X-Forwarded-Host` or `Host`.
   */
  allowOrigins?: readonly string[] | undefined
  /** Called with every error the endpoint answers with (to log it). */
  onError?: ((error: unknown) => void) | undefined
}

/** The parts of Node's `http.IncomingMessage` (and Express's `req`) the endpoint reads. */
export interface NodeRequest {
  method?: string | undefined
  url?: string | undefined
  headers: Record<string, string | string[] | undefined>
}

/** The parts of Node's `http.ServerResponse` (and Express's `res`) the endpoint writes. */
export interface NodeResponse {
  writeHead(status: number, headers: Record<string, string>): unknown
  end(body: string): unknown
}

export interface NodeHandlerOptions<Req extends NodeRequest = NodeRequest>
  extends Omit<HandlerOptions, 'user'> {
  /** Gets the Node/Express request, so it can read `req.user`, `req.session` or cookies. */
  user: (req: Req) => UserResult | Promise<UserResult>
}

export interface Sessions {
  /**
   * The user's session token: the cached one while it has more than `refreshWithin` left,
   * else a new one (one Auth API call for all concurrent callers, across instances sharing a
   * Redis store). Attributes create a Profile once; the same attributes later reuse it.
   */
  issue(user: UserInput): Promise<Session>
  /** The cached, unexpired token, without calling Quiltt. Takes what `issue()` takes. */
  get(user: UserInput): Promise<Session | undefined>
  /**
   * Deletes the cached token and revokes it at Quiltt. Takes what `issue()` takes; the Profile
   * is kept, so the next `issue()` for the same user gets a new token for the same Profile.
   */
  revoke(user: UserInput): Promise<{ revoked: boolean }>
  /**
   * `POST` → `200 { token, expiresAt }` with `Cache-Control: no-store`; `401` without a user,
   * `403` cross-site or without `Origin`, `405` other methods, `429` with `Retry-After`. Called
   * with anything but a `Request` or `{ request }`, it rejects `INVALID_OPTIONS`.
   *
   * @example
   * // app/api/quiltt/session/route.ts (Next.js)
   * export const POST = sessions.handler({ user: async () => ({ userId: await profileId() }) })
   */
  handler<Input extends HandlerInput = Request>(
    options: HandlerOptions<Input>,
  ): (input: Input) => Promise<Response>
  /**
   * The same endpoint for Node `http` and Express.
   *
   * @example
   * app.post('/api/quiltt/session', sessions.nodeHandler({ user: (req) => req.user && { userId: req.user.quilttId } }))
   */
  nodeHandler<Req extends NodeRequest = NodeRequest>(
    options: NodeHandlerOptions<Req>,
  ): (req: Req, res: NodeResponse) => Promise<void>
}

/**
 * @example
 * const sessions = createSessions({ apiKeySecret: process.env.QUILTT_API_KEY_SECRET! })
 * const { token, expiresAt } = await sessions.issue({ userId: 'p_123' })
 */
export declare function createSessions(options: SessionsOptions): Sessions

/**
 * In-process store. At most `maxUsers` (default 10000) expiring entries; Profile IDs are kept.
 *
 * @example
 * createSessions({ apiKeySecret, store: memoryStore({ maxUsers: 50_000 }) })
 */
export declare function memoryStore(options?: {
  maxUsers?: number | undefined
  now?: (() => number) | undefined
}): SessionStore

/**
 * A store in Redis, shared by every instance using the same Redis and `prefix`
 * (default `'quiltt-session:'`). Takes an ioredis client, or a node-redis client connected or
 * not: an unconnected one is connected at first use (one connect at a time; a failed one is
 * retried by the next request). Nothing is done at construction.
 *
 * @example
 * const redis = createClient({ url: process.env.REDIS_URL }).on('error', console.error)
 * createSessions({ apiKeySecret, store: redisStore(redis) })
 */
export declare function redisStore(
  client: unknown,
  options?: { prefix?: string | undefined },
): SessionStore
