// `npm run test:browsers`: the engine scenarios in Firefox ESR and WebKitGTK, from Node. One file
// and one browser at a time: the machines have 2 cores and each engine is a heavy process tree.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'engines',
    root: new URL('../../', import.meta.url).pathname,
    // Not `*.test.ts`: Playwright's default testMatch under e2e/ would pick those up too.
    include: ['e2e/engines/**/*.scenario.ts'],
    environment: 'node',
    // The scenarios load the built bundles: build them when missing, as the Playwright run does.
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Conditions, not sleeps: a cold Connector on a loaded 2-core machine can take seconds.
    expect: { poll: { timeout: 20_000, interval: 50 } },
  },
})
