// Two handles on one connectorId with the script transport (issue 19). connector.js keeps one
// connector, and one modal, per connectorId, so both handles' callbacks landed on the same object:
// each heard the other's Load and exits, and A's `exitSuccess` listener saved B's connectionId. A
// newer open of the ID takes connector.js's connector over: the older handle's flow is over for
// its user (exitAbort, closed), and from then on it hears nothing of the newer one.
import { afterEach, expect, test } from 'vitest'
import type { Connector } from '../../src/index'
import { cleanup, createScriptConnector, emit, unique, waitForQuilttOpen } from './helpers'

afterEach(cleanup)

/** Every event of `connector`, as `name` plus its metadata's connectionId when it has one. */
function record(connector: Connector): string[] {
  const log: string[] = []
  for (const name of ['open', 'load', 'exitSuccess', 'exitAbort', 'exitError'] as const)
    connector.on(name, (metadata) =>
      log.push(metadata.connectionId ? `${name}:${metadata.connectionId}` : name),
    )
  return log
}

async function openLoaded(connector: Connector, opens: number): Promise<void> {
  const opening = connector.open()
  await waitForQuilttOpen(connector.connectorId, opens)
  emit(connector.connectorId, 'Load')
  await opening
}

test("two handles on one connectorId never hear each other's events", async () => {
  const connectorId = unique('shared')
  const a = createScriptConnector({ connectorId })
  const aLog = record(a)
  await openLoaded(a, 1)
  expect(aLog).toEqual(['open', 'load'])

  const b = createScriptConnector({ connectorId })
  const bLog = record(b)
  await openLoaded(b, 2)
  emit(connectorId, 'ExitSuccess', { connectionId: 'conn_of_b' })

  expect(bLog).toEqual(['open', 'load', 'exitSuccess:conn_of_b'])
  expect(aLog).toEqual(['open', 'load', 'exitAbort'])
  expect(a.state).toBe('closed')
  expect(b.state).toBe('closed')
})
