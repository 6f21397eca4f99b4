// @ts-check
import { createAgents } from './agents.js'
import { createFaults } from './faults.js'
import { createProfileStore } from './profiles.js'
import { createRateLimiter } from './rate-limit.js'
import { createTokenService } from './tokens.js'

/**
 * @typedef {import('./options.js').ResolvedOptions} ResolvedOptions
 * @typedef {{ sessionsIssued: number, sessionsRevoked: number, scriptRequests: number, connectorPageRequests: number, agents: import('./agents.js').Agents }} Stats
 * @typedef {ReturnType<typeof createContext>} SandboxContext
 */

/**
 * Everything one sandbox instance remembers; nothing is shared between instances.
 * @param {ResolvedOptions} config
 */
export function createContext(config) {
  const { now } = config
  /** @type {Stats} */
  const stats = {
    sessionsIssued: 0,
    sessionsRevoked: 0,
    scriptRequests: 0,
    connectorPageRequests: 0,
    agents: createAgents(),
  }
  return {
    config,
    stats,
    profiles: createProfileStore(),
    faults: createFaults(),
    limiter: createRateLimiter({ ...config.rateLimit, now }),
    tokens: createTokenService({
      ttlSeconds: config.tokenTtlSeconds,
      environmentId: config.environmentId,
      deploymentId: config.deploymentId,
      now,
    }),
  }
}
