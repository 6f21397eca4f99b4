import { assertSessionToken, parseSessionToken } from './check-token'
import { ConnectorError } from './connector-error'
import type { TokenSource } from './types'

/**
 * Returns a function giving a token fit to open the Connector with. Tokens live in memory only
 * (never in storage). A provider is called lazily and its token reused until it is within a
 * minute of expiry (the Connector session would die mid-flow); then it is called again. A provider
 * that does not answer within `timeout` ms fails, so a hung request cannot freeze a button.
 */
export function createTokenKeeper(source: TokenSource, timeout: number): () => Promise<string> {
  let cached: string | undefined
  const fresh = (token?: string) => !!token && parseSessionToken(token) * 1000 - Date.now() > 60_000
  const call = async () => {
    let value: unknown
    let cause: unknown
    let late: unknown
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      value = await Promise.race([
        (source as () => unknown)(),
        new Promise((_, reject) => {
          timer = setTimeout(() => {
            late = 1
            reject()
          }, timeout)
        }),
      ])
    } catch (error) {
      // Our own token-URL provider already says what went wrong, in words fit for the page.
      if ((error as ConnectorError)?.code === 'TOKEN_PROVIDER_FAILED') throw error
      cause = error
    } finally {
      clearTimeout(timer)
    }
    if (typeof value !== 'string') {
      throw new ConnectorError(
        'TOKEN_PROVIDER_FAILED',
        late
          ? `The token provider did not answer within ${timeout} ms: check the request to your server that issues the token, or raise \`timeout\`.`
          : 'The token provider must resolve to a session token string: check the request to your server that issues it.',
        late ? {} : { cause },
      )
    }
    return value
  }
  return async () => {
    let token = typeof source === 'string' ? source : cached
    // One more try for a stale token (a server cache about to roll over); then use what we got.
    if (typeof source !== 'string' && !fresh(token)) {
      token = await call()
      if (!fresh(token)) token = await call()
    }
    assertSessionToken(token)
    cached = token as string
    return cached
  }
}
