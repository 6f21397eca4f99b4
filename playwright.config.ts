import { defineConfig } from '@playwright/test'
import { launchOptions } from './scripts/chromium.mjs'

// Each worker starts its own demo + in-process sandbox on random ports (e2e/fixtures.ts), so tests
// can read the sandbox's secret and counters; files that need other sandbox settings say so with
// `test.use({ demoOptions })`.
export default defineConfig({
  testDir: 'e2e',
  // The built packages first, then the host pages' bundles made from them (e2e/host-pages).
  globalSetup: ['./e2e/global-setup.ts', './e2e/host-pages/global-setup.ts'],
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  // Generous for loaded 2-core machines; every wait is on a condition, so passing runs stay fast.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    browserName: 'chromium',
    launchOptions: launchOptions(),
    trace: 'retain-on-failure',
  },
})
