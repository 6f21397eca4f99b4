// How the fixture server answers: every response uncached and readable from any origin (the test
// pages and the SDK fetch across `*.localhost` origins), plus the JavaScript content type.
import type { ServerResponse } from 'node:http'

export const JS = 'text/javascript; charset=utf-8'

/** Answers `response` with `status`, `type` and `body`; `headers` are added to the defaults. */
export function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: object = {},
): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    ...headers,
  })
  response.end(body)
}
