// @ts-check
// Test helpers that talk to a sandbox over real loopback HTTP. Node cannot resolve
// `*.localhost`, so requests go to 127.0.0.1 with the Host header naming the app.
import { request as httpRequest } from 'node:http'

/**
 * @typedef {{ status: number, headers: import('node:http').IncomingHttpHeaders, text: string, json: any }} Reply
 * @typedef {{ host?: string, method?: string, path?: string, headers?: Record<string, string>, body?: string | Buffer }} RequestOptions
 */

/**
 * @param {{ port: number }} sandbox
 * @param {RequestOptions} options
 * @returns {Promise<Reply>}
 */
export function request(sandbox, { host, method = 'GET', path = '/', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: sandbox.port,
        method,
        path,
        headers: { host: `${host ?? '127.0.0.1'}:${sandbox.port}`, ...headers },
        agent: false,
      },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let json
          try {
            json = text ? JSON.parse(text) : undefined
          } catch {}
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * `POST /v1/users/sessions` with the sandbox secret.
 * @param {{ port: number, apiKeySecret: string }} sandbox
 * @param {unknown} [body]
 */
export function postSession(sandbox, body = {}) {
  return request(sandbox, {
    method: 'POST',
    path: '/v1/users/sessions',
    headers: {
      authorization: `Bearer ${sandbox.apiKeySecret}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  })
}

/**
 * Issues a session and returns its JSON, failing loudly on any other status.
 * @param {{ port: number, apiKeySecret: string }} sandbox
 * @param {unknown} [body]
 */
export async function issueSession(sandbox, body = {}) {
  const reply = await postSession(sandbox, body)
  if (reply.status !== 201) throw new Error(`expected 201, got ${reply.status}: ${reply.text}`)
  return reply.json
}

/**
 * The JSON data block the Connector page renders for its script.
 * @param {string} html
 */
export function connectorData(html) {
  const match =
    /<script type="application\/json" id="quiltt-connector-data">([^<]*)<\/script>/.exec(html)
  if (!match) throw new Error('no connector data block in page')
  return JSON.parse(match[1])
}

/**
 * Calls the sandbox control API.
 * @param {{ port: number, apiKeySecret: string }} sandbox
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 */
export function control(sandbox, method, path, body) {
  return request(sandbox, {
    method,
    path,
    headers: {
      authorization: `Bearer ${sandbox.apiKeySecret}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}
