// Where the puppet Connector lives: the fixture server's port (from globalSetup), the
// `connectorUrl` that sends every connectorId to it, each connectorId's own origin, and fresh
// connectorIds so no two tests share an origin.
import { inject } from 'vitest'

export const port = inject('fixturePort')
/** `connectorUrl` template pointing every connectorId at the puppet Connector. */
export const connectorUrl = `http://{connectorId}.localhost:${port}`
export const originOf = (connectorId: string) => `http://${connectorId}.localhost:${port}`
/** This test page's origin + path, as `embed_location` should carry it. */
export const embedLocation = () => location.origin + location.pathname

let counter = 0
/** A connectorId no other test uses, so stray messages from earlier tests can never match. */
export const uniqueId = (prefix = 'c') =>
  `${prefix}${Date.now().toString(36)}-${(counter++).toString(36)}`
