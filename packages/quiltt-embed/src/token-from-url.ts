import { invalidOption } from './check-url'
import { ConnectorError } from './connector-error'
import { field } from './is-record'

/**
 * A token provider that POSTs to a same-origin endpoint and reads `{ token }` from its JSON. The
 * request carries the page's cookies, so it may only ever reach the page's own origin: a
 * cross-origin URL is refused here, and a redirect fails the request instead of being followed.
 */
export function tokenFromUrl(path: unknown): () => Promise<string> {
  let url: URL | undefined
  try {
    url = new URL(path as string, location.href)
  } catch {}
  if (typeof path !== 'string' || url?.origin !== location.origin)
    throw invalidOption('data-token-url (token.url)', 'a same-origin path')
  return async () => {
    // fetch reads inherited keys too: a polluted Object.prototype.body would become the POST body.
    const response = await fetch(
      url,
      Object.assign(Object.create(null), {
        method: 'POST',
        credentials: 'same-origin',
        redirect: 'error',
        headers: { accept: 'application/json' },
      }),
    )
    let body: unknown
    try {
      body = await response.json()
    } catch {}
    const token = field(body, 'token')
    if (response.ok && typeof token === 'string') return token
    // The server's own words (its JSON `message`) tell the page what went wrong, e.g. a rate limit.
    const said = field(body, 'message') ?? field(field(body, 'error'), 'message')
    throw new ConnectorError(
      'TOKEN_PROVIDER_FAILED',
      `The token endpoint ${url.pathname} answered HTTP ${response.status} ${typeof said === 'string' ? said.slice(0, 200) : ''}: it must answer {"token": "<session token>"}.`,
    )
  }
}
