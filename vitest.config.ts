import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { launchOptions } from './scripts/chromium.mjs'

export default defineConfig({
  define: { __QUILTT_EMBED_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    // Listener-isolation tests throw on purpose; the SDK reports those errors to the page like a
    // DOM event listener would. Only errors carrying this marker are expected.
    onUnhandledError(error) {
      if (String(error?.message).includes('intentional listener failure')) return false
    },
    projects: [
      {
        // The SDK is browser code: its tests run in real Chromium, against a stand-in Connector
        // served from genuinely different origins by the fixture server in globalSetup.
        extends: true,
        test: {
          name: 'sdk',
          include: ['packages/quiltt-embed/test/**/*.test.ts'],
          // Pure parsers are fuzzed in Node, where 10,000 runs per property take seconds.
          exclude: ['packages/quiltt-embed/test/property/**'],
          globalSetup: [
            'packages/quiltt-embed/test/global-setup.ts',
            'packages/quiltt-embed/test/script/global-setup.ts',
          ],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: launchOptions() }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
          typecheck: {
            enabled: true,
            include: ['packages/quiltt-embed/test/**/*.test-d.ts'],
            tsconfig: 'packages/quiltt-embed/tsconfig.typecheck.json',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // Property tests make 10,000 runs each; a small, busy CI machine needs the headroom.
          testTimeout: 120_000,
          include: [
            'packages/quiltt-sandbox/test/**/*.test.{js,ts}',
            'packages/quiltt-embed/test/property/**/*.test.ts',
            'packages/quiltt-secret-guard/test/**/*.test.{js,ts}',
            'packages/quiltt-session/test/**/*.test.{js,ts}',
            'demo/test/**/*.test.{js,ts}',
          ],
        },
      },
    ],
  },
})
