import { env } from '$env/dynamic/private'
import { userIdOf } from '$lib/server/user'

export function load({ cookies }) {
  return {
    signedIn: userIdOf(cookies) !== undefined,
    connectorId: env.QUILTT_CONNECTOR_ID ?? 'your-connector-id',
    // A quiltt-sandbox for development; unset, the SDK uses Quiltt's own Connector.
    connectorUrl: env.QUILTT_CONNECTOR_URL,
  }
}
