import { assertSessionToken, parseSessionToken } from './check-token'
import { ConnectorError } from './connector-error'
import { tokenFromUrl } from './token-from-url'
import type { TokenSource } from './types'

/**
 * Returns a function giving a token fit to open the Connector with. Tokens live in memory only
 * (never in storage). A provider is called lazily and its token reused until it is within a
 * minute of expiry (the Connector session would die mid-flow); then it is called again. A
 * `{ url }` source is asked at every call, i.e. every cold open: the server knows who is signed in
 * now (maybe someone else than last time), the SDK does not. A provider that does not answer
 * within `timeout` ms fails, so a hung request cannot freeze a button.
 */
export function createTokenKeeper(source: TokenSource, timeout: number): () => Promise<string> {
  // A static token is checked again at every open: it may have expired since.
  if (typeof source === 'string')
    return async () => {
      assertSessionToken(source)
      return source
    }
  const reuse = typeof source === 'function'
  const provider = reuse ? source : tokenFromUrl(source.url)
  let cached: string | undefined
  const fresh = (token?: string) => !!token && parseSessionToken(token) * 1000 - Date.now() > 60_000
  // Settles once: with the token, or with TOKEN_PROVIDER_FAILED (our token-URL provider's own
  // error, which already says what went wrong, passes through).
  const call = () =>
    new Promise<string>((resolve, reject) => {
      const fail = (late?: boolean, cause?: unknown) => {
        clearTimeout(timer)
        const failed = late
          ? `did not answer within ${timeout} ms`
          : 'must resolve to a session token string'
        reject(
          cause instanceof ConnectorError && cause.code === 'TOKEN_PROVIDER_FAILED'
            ? cause
            : new ConnectorError(
                'TOKEN_PROVIDER_FAILED',
                `The token provider ${failed}: check your server's token endpoint.`,
                { cause },
              ),
        )
      }
      const timer = setTimeout(fail, timeout, true)
      Promise.resolve()
        .then(provider)
        .then(
          (value) => {
            clearTimeout(timer)
            typeof value === 'string' ? resolve(value) : fail()
          },
          (error) => fail(false, error),
        )
    })
  return async () => {
    let token = reuse ? cached : undefined
    // One more try for a stale token (a server cache about to roll over); then use what we got.
    if (!fresh(token)) {
      token = await call()
      if (!fresh(token)) token = await call()
    }
    assertSessionToken(token)
    cached = token
    return token as string
  }
}
