import { invalidOption } from './check-url'
import { ConnectorError } from './connector-error'
import { field } from './is-record'

/** A server's own error code (quiltt-session answers `{ code, message }`): short, no free text. */
const SERVER_CODE = /^[A-Z][A-Z0-9_]{0,63}$/

/**
 * Resolves a token URL against the page; only the page's own origin passes. The request carries
 * the page's cookies, so it may never reach another origin (nor a non-http(s) scheme).
 */
export function sameOriginUrl(path: unknown): URL {
  let url: URL | undefined
  try {
    url = new URL(path as string, location.href)
  } catch {}
  if (
    typeof path !== 'string' ||
    url?.origin !== location.origin ||
    !/^https?:$/.test(url.protocol)
  )
    throw invalidOption('token.url (data-token-url)', "a path on this page's own origin")
  return url
}

/**
 * A token provider that POSTs to a same-origin endpoint and reads `{ token }` from its JSON. `href`
 * is one `sameOriginUrl` accepted (`checkTokenSource` is the only way a `{ url }` source reaches the
 * token keeper), and a redirect fails the request instead of being followed. The request carries
 * the body `{}` as `application/json`: with no body and no type it looks like a form post to
 * frameworks' own CSRF checks (Astro answers 403 before the endpoint runs), and a JSON type cannot
 * be sent cross-site without a CORS preflight. The endpoint reads no body. Failures are
 * `TOKEN_PROVIDER_FAILED` naming the status and the server's error code, and nothing else from
 * the body: free text from a server may hold anything, and errors reach the console.
 */
export function tokenFromUrl(href: string): () => Promise<string> {
  const url = new URL(href)
  return async () => {
    let what = 'could not be reached (offline, or it redirected)'
    try {
      // fetch reads inherited keys too: a polluted Object.prototype.body would become the POST body.
      const response = await fetch(
        url,
        Object.assign(Object.create(null), {
          method: 'POST',
          credentials: 'same-origin',
          redirect: 'error',
          headers: { accept: 'application/json', 'content-type': 'application/json' },
          body: '{}',
        }),
      )
      what = `answered ${response.status}`
      const body: unknown = await response.json().catch(() => undefined)
      const token = field(body, 'token')
      if (response.ok && typeof token === 'string') return token
      const code = field(body, 'code')
      if (response.ok) what += ' without a token'
      else if (typeof code === 'string' && SERVER_CODE.test(code)) what += ` (${code})`
    } catch {}
    throw new ConnectorError(
      'TOKEN_PROVIDER_FAILED',
      `No session token: the token URL ${what}. ${url.pathname} must answer 2xx with {"token": "<session token>"}.`,
    )
  }
}
