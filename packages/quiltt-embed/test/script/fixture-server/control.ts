// The endpoints tests call to ask the server what happened or to steer it, on any host:
// `/__stats?path=…` (how often a path was requested), `/__release?key=…` (answer the held
// connector.js requests), `/__token-requests?origin=…` (what a page's token endpoint received)
// and `/__bundle` (whether the built bundle is up to date).
import type { ServerResponse } from 'node:http'
import { bundleStatus } from './files'
import { send } from './respond'
import type { FixtureState } from './state'

type ControlEndpoint = (state: FixtureState, query: URLSearchParams) => Promise<unknown> | unknown

const CONTROL = new Map<string, ControlEndpoint>([
  ['/__stats', (state, query) => ({ count: state.counts.get(query.get('path') ?? '') ?? 0 })],
  [
    '/__release',
    (state, query) => {
      const key = query.get('key') ?? ''
      const waiting = state.held.get(key) ?? []
      state.held.delete(key)
      state.released.add(key)
      for (const release of waiting) release.emit('release')
      return { released: waiting.length }
    },
  ],
  ['/__token-requests', (state, query) => state.tokenRequests.get(query.get('origin') ?? '') ?? []],
  ['/__bundle', () => bundleStatus()],
])

/** Answers `url` if it is a control endpoint and returns true; false for any other path. */
export async function answerControl(
  state: FixtureState,
  url: URL,
  response: ServerResponse,
): Promise<boolean> {
  const endpoint = CONTROL.get(url.pathname)
  if (!endpoint) return false
  send(response, 200, 'application/json', JSON.stringify(await endpoint(state, url.searchParams)))
  return true
}
