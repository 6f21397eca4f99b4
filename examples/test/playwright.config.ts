import { defineConfig } from '@playwright/test'
import { launchOptions } from '../../scripts/chromium.mjs'

// The example apps, each installed and built in a copy outside the repo by global-setup.ts, then
// started against a quiltt-sandbox (and a Redis of its own) by its spec. One worker: the builds and
// servers are heavy, and the machine has two cores.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // A leak case rebuilds the app; on two loaded cores a framework build can take minutes.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    // A click on an element that never becomes clickable fails in as long as an expect would.
    actionTimeout: 30_000,
    launchOptions: launchOptions(),
    trace: 'retain-on-failure',
  },
})
