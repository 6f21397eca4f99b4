// The host pages' same-origin token endpoints (`/api/session`, `/api/evil-session`): only POST, as
// the SDK sends. Each records what really arrived over the wire, headers the browser set included.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { send } from './respond'
import { sessionToken } from './session-token'
import type { FixtureState } from './state'

export const TOKEN_ENDPOINT = /^\/api\/(evil-)?session$/

/** The request body as text (a token request's is tiny; more than 1 KB is cut). */
async function readBody(request: IncomingMessage): Promise<string> {
  let body = ''
  for await (const chunk of request) body = (body + chunk).slice(0, 1024)
  return body
}

/** Records the token request under the page's origin and answers it with a fresh token. */
export async function answerTokenRequest(
  state: FixtureState,
  request: IncomingMessage,
  response: ServerResponse,
  host: string,
  pathname: string,
): Promise<void> {
  const origin = `http://${host}`
  state.tokenRequests.set(origin, [
    ...(state.tokenRequests.get(origin) ?? []),
    {
      path: pathname,
      method: request.method,
      contentType: request.headers['content-type'] ?? null,
      body: await readBody(request),
      origin: request.headers.origin ?? null,
      secFetchSite: (request.headers['sec-fetch-site'] as string | undefined) ?? null,
    },
  ])
  if (request.method !== 'POST') return send(response, 405, 'application/json', '{}')
  return send(response, 200, 'application/json', JSON.stringify({ token: sessionToken() }))
}
