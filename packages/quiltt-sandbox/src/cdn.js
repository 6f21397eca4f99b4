// @ts-check
import { fileURLToPath } from 'node:url'
import sirv from 'sirv'
import { recordAgent } from './agents.js'
import { sendError, sendMethodNotAllowed, sendNotFound } from './http-util.js'

/** @typedef {import('./context.js').SandboxContext} SandboxContext */

const PUBLIC_DIR = fileURLToPath(new URL('../public/cdn', import.meta.url))
export const SCRIPT_PATH = '/v1/connector.js'

/**
 * The CDN of SPEC §4.2: serves `connector.js`, counts each request, and can be told to fail.
 * @param {SandboxContext} ctx
 */
export function createCdn(ctx) {
  const files = sirv(PUBLIC_DIR, {
    setHeaders: (res) => {
      // no-store so a test that injects a failure always reaches the server.
      res.setHeader('Content-Type', 'application/javascript; charset=utf-8')
      res.setHeader('Cache-Control', 'no-store')
      res.setHeader('X-Content-Type-Options', 'nosniff')
      res.setHeader('Access-Control-Allow-Origin', '*')
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
    },
  })

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  return function handleCdn(req, res, url) {
    if (url.pathname !== SCRIPT_PATH) return sendNotFound(res)
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendMethodNotAllowed(res, ['GET', 'HEAD'])
    ctx.stats.scriptRequests += 1
    recordAgent(ctx.stats.agents.scripts, url.searchParams.get('agent'))
    if (ctx.faults.takeScriptFailure()) {
      return sendError(res, 500, 'Internal Server Error', 'Injected by POST /__sandbox/faults.')
    }
    files(req, res, () => sendNotFound(res))
  }
}
