// @ts-check
import { isPlainObject } from './http-util.js'

// Faults with no connectorId apply to every Connector.
const ANY = '*'
const CONNECTOR_ID = /^[a-z0-9][a-z0-9-]{0,62}$/i

/**
 * @typedef {{ status?: 404 | 500, suppressLoad?: boolean }} ConnectorFault
 * @typedef {{ connectorId?: string, connectorStatus?: 404 | 500 | null, suppressLoad?: boolean, failScriptRequests?: number }} FaultRequest
 */

/**
 * Checks a `POST /__sandbox/faults` body.
 * @param {unknown} body
 * @returns {{ ok: true, value: FaultRequest } | { ok: false, errors: Record<string, string> }}
 */
export function parseFaultRequest(body) {
  if (!isPlainObject(body)) return { ok: false, errors: { body: 'must be a JSON object' } }
  /** @type {Record<string, string>} */
  const errors = {}
  const { connectorId, connectorStatus, suppressLoad, failScriptRequests, ...unknown } = body
  for (const key of Object.keys(unknown)) errors[key] = 'is not a fault option'
  if (
    connectorId !== undefined &&
    !(typeof connectorId === 'string' && CONNECTOR_ID.test(connectorId))
  ) {
    errors.connectorId = 'must be a Connector ID matching /^[a-z0-9][a-z0-9-]{0,62}$/i'
  }
  if (
    connectorStatus !== undefined &&
    ![404, 500, null].includes(/** @type {any} */ (connectorStatus))
  ) {
    errors.connectorStatus = 'must be 404, 500 or null'
  }
  if (suppressLoad !== undefined && typeof suppressLoad !== 'boolean') {
    errors.suppressLoad = 'must be a boolean'
  }
  if (
    failScriptRequests !== undefined &&
    !(Number.isInteger(failScriptRequests) && /** @type {number} */ (failScriptRequests) >= 0)
  ) {
    errors.failScriptRequests = 'must be a non-negative integer'
  }
  if (Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, value: /** @type {FaultRequest} */ (body) }
}

/** Test-only misbehaviour switched on through the control endpoints. */
export function createFaults() {
  /** @type {Map<string, ConnectorFault>} */
  const connectors = new Map()
  let failScriptRequests = 0

  /** @param {FaultRequest} request */
  function apply(request) {
    const key = request.connectorId?.toLowerCase() ?? ANY
    const fault = { ...connectors.get(key) }
    if (request.connectorStatus !== undefined) {
      if (request.connectorStatus === null) delete fault.status
      else fault.status = request.connectorStatus
    }
    if (request.suppressLoad !== undefined) fault.suppressLoad = request.suppressLoad
    connectors.set(key, fault)
    if (request.failScriptRequests !== undefined) failScriptRequests = request.failScriptRequests
  }

  function clear() {
    connectors.clear()
    failScriptRequests = 0
  }

  /**
   * The fault in force for a Connector: its own settings over the catch-all ones.
   * @param {string} connectorId
   * @returns {ConnectorFault}
   */
  function forConnector(connectorId) {
    return { ...connectors.get(ANY), ...connectors.get(connectorId.toLowerCase()) }
  }

  /** True when this connector.js request must fail; consumes one pending failure. */
  function takeScriptFailure() {
    if (failScriptRequests <= 0) return false
    failScriptRequests -= 1
    return true
  }

  return { apply, clear, forConnector, takeScriptFailure }
}
