// What one fixture server remembers between requests, so tests can ask what really went over the
// network: request counts, the token requests each page made, and connector.js requests held open.
import type { ServerResponse } from 'node:http'

/** A token request as the host page's endpoint received it, for tests to read back. */
export interface TokenRequestSeen {
  path: string
  method: string | undefined
  contentType: string | null
  body: string
  origin: string | null
  secFetchSite: string | null
}

export interface FixtureState {
  /** Requests seen per `pathname + search`. */
  counts: Map<string, number>
  /** Token requests per page origin (`http://{name}.localhost:PORT`), in order. */
  tokenRequests: Map<string, TokenRequestSeen[]>
  /** Requests held open until `/__release?key=…` (or until the server closes). */
  held: Map<string, ServerResponse[]>
  /** Keys already released: later requests under them are answered at once. */
  released: Set<string>
}

export function createFixtureState(): FixtureState {
  return { counts: new Map(), tokenRequests: new Map(), held: new Map(), released: new Set() }
}

/** Adds one to the count of `key`; returns the new count. */
export function countRequest(state: FixtureState, key: string): number {
  const count = (state.counts.get(key) ?? 0) + 1
  state.counts.set(key, count)
  return count
}
