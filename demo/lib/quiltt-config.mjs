// Decides whether the demo talks to real Quiltt or to an in-process quiltt-sandbox.
import { randomBytes } from 'node:crypto'

const CONNECTOR_ID = /^[a-z0-9][a-z0-9-]{0,62}$/i
const SANDBOX_CONNECTOR_ID = 'demo'

/**
 * @typedef {{
 *   mode: 'quiltt' | 'sandbox',
 *   connectorId: string,
 *   apiKeySecret: string,
 *   authUrl: string,
 *   connectorUrl?: string,
 *   scriptUrl?: string,
 *   connectorOrigin: string,
 *   scriptOrigin: string,
 *   sandbox?: Awaited<ReturnType<typeof import('quiltt-sandbox').startSandbox>>,
 * }} QuilttConfig
 */

/**
 * With `QUILTT_API_KEY_SECRET` and `QUILTT_CONNECTOR_ID` set, real Quiltt; otherwise a sandbox
 * started here with a generated secret that never leaves this process.
 * @param {Record<string, string | undefined>} env
 * @param {Record<string, unknown>} [sandboxOptions] passed to `startSandbox` (tests lower limits)
 * @returns {Promise<QuilttConfig>}
 */
export async function resolveQuilttConfig(env, sandboxOptions = {}) {
  const apiKeySecret = env.QUILTT_API_KEY_SECRET?.trim()
  const connectorId = env.QUILTT_CONNECTOR_ID?.trim()
  if (apiKeySecret || connectorId) {
    if (!apiKeySecret || !connectorId) {
      throw new Error(
        'Set both QUILTT_API_KEY_SECRET and QUILTT_CONNECTOR_ID to use real Quiltt, ' +
          'or neither to use the local sandbox.',
      )
    }
    if (!CONNECTOR_ID.test(connectorId)) {
      throw new Error(
        'QUILTT_CONNECTOR_ID must be a Connector ID like "abc123" (letters, digits and hyphens).',
      )
    }
    return {
      mode: 'quiltt',
      connectorId,
      apiKeySecret,
      authUrl: 'https://auth.quiltt.io',
      connectorOrigin: `https://${connectorId}.quiltt.app`,
      scriptOrigin: 'https://cdn.quiltt.io',
    }
  }

  // Imported lazily: a deployment against real Quiltt does not need the sandbox package.
  const { startSandbox } = await import('quiltt-sandbox')
  const sandbox = await startSandbox({
    port: 0,
    apiKeySecret: randomBytes(32).toString('base64url'),
    ...sandboxOptions,
  })
  const connectorUrl = sandbox.connectorUrl
  return {
    mode: 'sandbox',
    connectorId: SANDBOX_CONNECTOR_ID,
    apiKeySecret: sandbox.apiKeySecret,
    authUrl: sandbox.authUrl,
    connectorUrl,
    scriptUrl: sandbox.scriptUrl,
    connectorOrigin: new URL(connectorUrl.replace('{connectorId}', SANDBOX_CONNECTOR_ID)).origin,
    scriptOrigin: new URL(sandbox.scriptUrl).origin,
    sandbox,
  }
}
