// The stand-in for Quiltt's connector.js (`/v1/connector.js`) and its failure variants, all keyed
// on the exact URL (whatever its `agent`, as the SDK adds one and a page's own tag may not) so
// each test has its own:
// fail=N      → HTTP 500 for the first N requests of this URL, then the script
// noglobal=1  → a script that runs but never defines window.Quiltt
// hold=KEY    → no answer until /__release?key=KEY (never, if nobody releases it); at once after
//               that
import type { ServerResponse } from 'node:http'
import { readConnectorScript } from './files'
import { JS, send } from './respond'
import { countRequest, type FixtureState } from './state'

export async function answerConnectorScript(
  state: FixtureState,
  url: URL,
  response: ServerResponse,
): Promise<void> {
  const query = url.searchParams
  const hold = query.get('hold')
  if (hold && !state.released.has(hold)) {
    state.held.set(hold, [...(state.held.get(hold) ?? []), response])
    await new Promise((resolve) => response.once('release', resolve))
  }
  const script = new URL(url)
  script.searchParams.delete('agent')
  const count = countRequest(state, `script ${script.pathname}${script.search}`)
  if (count <= Number(query.get('fail') ?? 0)) {
    return send(response, 500, 'text/plain', 'fixture: failing on purpose')
  }
  if (query.get('noglobal')) return send(response, 200, JS, 'window.__quilttNoGlobalRan = true\n')
  return send(response, 200, JS, await readConnectorScript())
}
