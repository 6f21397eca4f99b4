// Hand-written types for the published package (the sources are plain JS with JSDoc). Every
// optional option also accepts `undefined`, so `port: process.env.PORT ? Number(...) : undefined`
// type-checks under `exactOptionalPropertyTypes`. No Node types are needed to use them.

/** Options of {@link startSandbox}; every one is optional. */
export interface SandboxOptions {
  /** TCP port; `0` (the default) picks a free one. */
  port?: number | undefined
  /** Interface to listen on (default `'127.0.0.1'`). */
  host?: string | undefined
  /** The API key secret the Auth API accepts, at least 8 non-space characters (default: random). */
  apiKeySecret?: string | undefined
  /** Session token lifetime in seconds (default `86400`, Quiltt's 24 hours). */
  tokenTtlSeconds?: number | undefined
  /** Session tokens issued per Profile (default 10 per hour, 20 per day, as Quiltt). */
  rateLimit?: { perHour?: number | undefined; perDay?: number | undefined } | undefined
  /** Reported in sessions and the token's `eid` claim (default `'env_sandbox'`). */
  environmentId?: string | undefined
  /** Clock in epoch milliseconds (default `Date.now`); tests pass a fake one to move time. */
  now?: (() => number) | undefined
}

/** A running sandbox, as {@link startSandbox} resolves it. */
export interface Sandbox {
  /** The port actually bound. */
  readonly port: number
  /** Auth API origin, e.g. `'http://127.0.0.1:3100'`: call it from your server. */
  readonly authUrl: string
  /** Connector origin template, `'http://{connectorId}.localhost:3100'`: the SDK's `connectorUrl`. */
  readonly connectorUrl: string
  /** `'http://cdn.localhost:3100/v1/connector.js'`: the SDK's `scriptUrl`. */
  readonly scriptUrl: string
  /** The API key secret the Auth API accepts (a throwaway one unless you passed your own). */
  readonly apiKeySecret: string
  /** Stops listening and drops open connections; safe to call twice. */
  close(): Promise<void>
}

/**
 * Starts a local stand-in for Quiltt: Auth API, Connector app and connector.js on one port.
 * Rejects with a `TypeError` naming the option when an option is invalid.
 *
 * @example
 * const sandbox = await startSandbox()
 * const response = await fetch(`${sandbox.authUrl}/v1/users/sessions`, {
 *   method: 'POST',
 *   headers: { Authorization: `Bearer ${sandbox.apiKeySecret}`, 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ email: 'ada@example.com' }),
 * })
 * const { token } = await response.json()
 * await sandbox.close()
 */
export function startSandbox(options?: SandboxOptions | undefined): Promise<Sandbox>
