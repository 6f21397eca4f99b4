import { defineConfig } from '@playwright/test'
import { launchOptions } from '../../../../scripts/chromium.mjs'

// quiltt-session's handler on each server runtime (Deno, Bun, workerd through `wrangler dev`),
// from the packed package, against a quiltt-sandbox. global-setup.ts installs the runtimes and the
// package in a copy outside the repo. One worker: each runtime is a heavy process on two cores.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // wrangler bundles the Worker before it answers; on two loaded cores that can take a while.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: launchOptions(),
    trace: 'retain-on-failure',
  },
})
