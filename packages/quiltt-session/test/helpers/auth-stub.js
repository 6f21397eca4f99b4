// @ts-check
// A stand-in Auth API for the failures the sandbox does not produce: 5xx, a malformed body, a
// request that never gets an answer. It records each request it receives.
import { once } from 'node:events'
import { createServer } from 'node:http'

/**
 * @typedef {{ status: number, body?: string, headers?: Record<string, string> } | 'hang'} Answer
 * @param {Answer} answer
 */
export async function startAuthStub(answer) {
  /** @type {{ method: string, url: string, authorization: string }[]} */
  const requests = []
  /** @type {((request: { method: string, url: string }) => void)[]} */
  const waiting = []
  const server = createServer((req, res) => {
    const request = {
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization ?? '',
    }
    requests.push(request)
    for (const resolve of waiting.splice(0)) resolve(request)
    if (answer === 'hang') return
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
    res.end(answer.body ?? '')
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Resolves at the next request (or at once if one already came). */
    nextRequest() {
      const last = requests.at(-1)
      if (last) return Promise.resolve(last)
      return new Promise((resolve) => waiting.push(resolve))
    },
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
