import { expiredToken, isExpired, parseSessionToken } from './check-token'
import { ConnectorError } from './connector-error'
import type { TokenSource } from './types'

/** A provider's token this close to expiry is not used: the Connector session would die mid-flow. */
const STALE_MS = 60_000

export interface TokenKeeper {
  /** A token fit to open the Connector with; asks the provider when needed. */
  get(): Promise<string>
}

async function callProvider(provider: () => string | Promise<string>): Promise<string> {
  let value: unknown
  try {
    value = await provider()
  } catch (cause) {
    throw new ConnectorError(
      'TOKEN_PROVIDER_FAILED',
      'The token provider threw or rejected. Check the request to your server that issues session tokens.',
      { cause },
    )
  }
  if (typeof value !== 'string') {
    throw new ConnectorError(
      'TOKEN_PROVIDER_FAILED',
      `The token provider must resolve to the session token string; it resolved to ${value === null ? 'null' : typeof value}.`,
    )
  }
  return value
}

/**
 * Keeps the current token in memory only (never in storage). A provider is called lazily, its
 * token reused until it is within a minute of expiry, and called again then.
 */
export function createTokenKeeper(source: TokenSource): TokenKeeper {
  let cached: { token: string; exp: number } | undefined
  return {
    async get() {
      if (typeof source === 'string') {
        const { exp } = parseSessionToken(source)
        if (isExpired(exp, Date.now())) throw expiredToken()
        return source
      }
      const fresh = (exp: number) => exp * 1000 - Date.now() > STALE_MS
      if (cached && fresh(cached.exp)) return cached.token
      let token = await callProvider(source)
      let { exp } = parseSessionToken(token)
      // One more try for a stale token (a server cache about to roll over); then use what we got.
      if (!fresh(exp)) {
        token = await callProvider(source)
        exp = parseSessionToken(token).exp
      }
      if (isExpired(exp, Date.now())) throw expiredToken()
      cached = { token, exp }
      return token
    },
  }
}
