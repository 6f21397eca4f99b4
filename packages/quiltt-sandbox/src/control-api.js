// @ts-check
import { requireSecret } from './auth-api.js'
import { parseFaultRequest } from './faults.js'
import {
  readJsonBody,
  sendError,
  sendJson,
  sendMethodNotAllowed,
  sendNotFound,
} from './http-util.js'

/** @typedef {import('./context.js').SandboxContext} SandboxContext */

/**
 * Sandbox-only endpoints for tests: counters and fault injection. Guarded by the API secret so a
 * page in the browser cannot flip faults on its own.
 * @param {SandboxContext} ctx
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 */
export async function handleControlApi(ctx, req, res, url) {
  if (url.pathname === '/__sandbox/stats') {
    if (req.method !== 'GET') return sendMethodNotAllowed(res, ['GET'])
    if (!requireSecret(ctx, req, res)) return
    return sendJson(res, 200, { ...ctx.stats })
  }
  if (url.pathname === '/__sandbox/faults') {
    if (req.method !== 'POST' && req.method !== 'DELETE') {
      return sendMethodNotAllowed(res, ['POST', 'DELETE'])
    }
    if (!requireSecret(ctx, req, res)) return
    if (req.method === 'DELETE') {
      ctx.faults.clear()
      return sendJson(res, 204)
    }
    const body = await readJsonBody(req)
    if (!body.ok) return sendError(res, body.status, body.message, body.instruction)
    const parsed = parseFaultRequest(body.value)
    if (!parsed.ok) {
      return sendError(res, 422, 'Unprocessable Entity', 'Fix the listed fault options.', {
        extra: { errors: parsed.errors },
      })
    }
    ctx.faults.apply(parsed.value)
    return sendJson(res, 204)
  }
  sendNotFound(res)
}
