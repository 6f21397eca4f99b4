// Runs a scenario file once per engine: each engine gets its own browser, started before and
// closed after, against one set of servers per file. An engine that cannot start fails the run;
// nothing is ever skipped. `QUILTT_ENGINES=firefox` narrows a local run to one engine.
import { mkdir } from 'node:fs/promises'
import { afterAll, beforeAll, describe } from 'vitest'
import type { Driver, EngineName, Launch, LaunchOptions } from './driver'
import { launchFirefox } from './firefox'
import type { PageOptions } from './host-page'
import { type Servers, startServers } from './host-server'
import { launchWebKit } from './webkit'

export const LAUNCHERS: Record<EngineName, Launch> = {
  firefox: launchFirefox,
  webkit: launchWebKit,
}

/** Screenshots are kept as test artifacts here (gitignored). */
export const ARTIFACTS = new URL('../../test-results/engines/', import.meta.url)

export function selectedEngines(): EngineName[] {
  const names = (process.env.QUILTT_ENGINES ?? 'firefox,webkit').split(',').filter(Boolean)
  for (const name of names) {
    if (!(name in LAUNCHERS)) throw new Error(`Unknown engine ${name}: use firefox and/or webkit`)
  }
  return names as EngineName[]
}

export interface Session {
  driver: Driver
  servers: Servers
  /** Calls `harness[name](...args)` in the host page (args go as JSON). */
  call<T = unknown>(name: string, ...args: unknown[]): Promise<T>
  /** Loads the host page with these options and waits for the SDK bundle. */
  hostPage(options?: PageOptions): Promise<string[]>
}

/** Declares `body`'s tests once per engine, each engine started with `launch` options. */
export function describeEngines(
  title: string,
  body: (session: () => Session) => void,
  launch: LaunchOptions = {},
): void {
  let servers: Servers | undefined
  beforeAll(async () => {
    servers = await startServers()
    await mkdir(ARTIFACTS, { recursive: true })
  })
  afterAll(() => servers?.close())

  describe.each(selectedEngines())(`%s: ${title}`, (engine) => {
    let session: Session | undefined
    beforeAll(async () => {
      const driver = await LAUNCHERS[engine](launch)
      const call = <T>(name: string, ...args: unknown[]) =>
        driver.evaluate<T>(`harness.${name}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`)
      session = {
        driver,
        servers: servers!,
        call,
        async hostPage(options = {}) {
          await driver.goto(servers!.pageUrl(options))
          return call<string[]>('whenReady', String(servers!.puppetPort))
        },
      }
    }, 120_000)
    afterAll(() => session?.driver.close())
    body(() => {
      if (!session) throw new Error(`${engine} did not start`)
      return session
    })
  })
}
