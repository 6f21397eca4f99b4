import type { TestProject } from 'vitest/node'
import { startScriptFixtureServer } from './fixture-server'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Port of the connector.js fixture server; any `http://{name}.localhost:PORT` serves it. */
    scriptFixturePort: number
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startScriptFixtureServer()
  project.provide('scriptFixturePort', server.port)
  return () => server.close()
}
