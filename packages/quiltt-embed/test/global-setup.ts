import type { TestProject } from 'vitest/node'
import { startFixtureServer } from './fixtures/server'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Port of the puppet Connector server; any `http://{id}.localhost:PORT` serves it. */
    fixturePort: number
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startFixtureServer()
  project.provide('fixturePort', server.port)
  return () => server.close()
}
