import { fileURLToPath } from 'node:url'
import { playwright } from '@vitest/browser-playwright'
import { configDefaults, defineConfig } from 'vitest/config'
import { launchOptions } from './scripts/chromium.mjs'
import { buildTests } from './vitest.builds.config.mjs'

const sdkSource = fileURLToPath(new URL('./packages/quiltt-embed/src/index.ts', import.meta.url))
// React 18.3, the low end of quiltt-embed-react's peer range. The compat/react18 workspace installs
// react and react-dom 18.3.1 side by side in its own node_modules, so react-dom's own
// require('react') finds 18.3 too, in Node and in Vite's dependency optimizer, while the root React
// stays 19. (Root devDependencies under npm aliases would not: react-dom@18's peer dependency on
// react makes npm put react@18 at the root, under the root react-dom@19.)
const react18 = fileURLToPath(new URL('./compat/react18/node_modules/', import.meta.url))
// Every react and react-dom import, bare or by subpath (react/jsx-runtime, react-dom/client,
// react-dom/server), from the tests and from the binding's source alike.
const reactAlias18 = [
  { find: /^react(\/.*)?$/, replacement: `${react18}react$1` },
  { find: /^react-dom(\/.*)?$/, replacement: `${react18}react-dom$1` },
]
const reactTests = 'packages/quiltt-embed-react/test'
// Vue's bundler build expects its compile-time flags to be defined, as its Vite plugin would.
const vueFlags = {
  __VUE_OPTIONS_API__: 'true',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
}

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
        // README samples import 'quiltt-embed' as users do: here, the source under test.
        resolve: { alias: [{ find: /^quiltt-embed$/, replacement: sdkSource }] },
        test: {
          name: 'sdk',
          include: ['packages/quiltt-embed/test/**/*.test.ts'],
          // Pure parsers are fuzzed in Node, where 10,000 runs per property take seconds.
          exclude: ['packages/quiltt-embed/test/property/**', 'packages/quiltt-embed/test/node/**'],
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
        // The React and Vue bindings in real Chromium, against the SDK's puppet Connector. They
        // import quiltt-embed from source, the same module the SDK's test helpers use.
        extends: true,
        resolve: { alias: [{ find: /^quiltt-embed$/, replacement: sdkSource }] },
        define: vueFlags,
        optimizeDeps: { include: ['react', 'react-dom/client', 'vue', '@vue/compiler-dom'] },
        test: {
          name: 'bindings',
          include: ['packages/quiltt-embed-{react,vue}/test/**/*.test.ts'],
          exclude: ['**/*.ssr.test.ts', '**/*.react18.test.ts'],
          globalSetup: ['packages/quiltt-embed/test/global-setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: launchOptions() }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
          typecheck: {
            enabled: true,
            include: ['packages/quiltt-embed-{react,vue}/test/**/*.test-d.ts'],
            tsconfig: 'packages/quiltt-embed-react/tsconfig.typecheck.json',
          },
        },
      },
      {
        // The React binding's same browser tests, run against React 18.3 instead of 19. Its own
        // optimizer cache: its react and react-dom are other modules than the bindings project's.
        extends: true,
        resolve: {
          alias: [{ find: /^quiltt-embed$/, replacement: sdkSource }, ...reactAlias18],
        },
        cacheDir: 'node_modules/.vite/bindings-react18',
        optimizeDeps: { include: ['react', 'react-dom', 'react-dom/client', 'react-dom/server'] },
        test: {
          name: 'bindings-react18',
          include: [`${reactTests}/**/*.test.ts`],
          exclude: ['**/*.ssr.test.ts'],
          globalSetup: ['packages/quiltt-embed/test/global-setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: launchOptions() }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        // The React binding's server-side rendering against React 18.3, in Node. The aliases point
        // into compat/react18's node_modules, so Node loads those files natively, one copy each.
        extends: true,
        resolve: {
          alias: [{ find: /^quiltt-embed$/, replacement: sdkSource }, ...reactAlias18],
        },
        test: {
          name: 'bindings-react18-ssr',
          environment: 'node',
          include: [`${reactTests}/**/*.ssr.test.ts`, `${reactTests}/**/*.react18.test.ts`],
        },
      },
      {
        // Server-side rendering of the bindings, in Node, where no browser API exists.
        extends: true,
        resolve: { alias: [{ find: /^quiltt-embed$/, replacement: sdkSource }] },
        define: vueFlags,
        test: {
          name: 'bindings-ssr',
          environment: 'node',
          include: ['packages/quiltt-embed-{react,vue}/test/**/*.ssr.test.ts'],
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
            // Bundles the SDK with esbuild, as an app would, to check what tree-shaking leaves.
            'packages/quiltt-embed/test/node/**/*.test.ts',
            'packages/quiltt-secret-guard/test/**/*.test.{js,ts}',
            'packages/quiltt-session/test/**/*.test.{js,ts}',
            'demo/test/**/*.test.{js,ts}',
            'scripts/**/*.test.mjs',
            'bench/test/**/*.test.mjs',
          ],
          // Installs and framework builds run alone, after the browser phases (npm run test:builds).
          exclude: [...configDefaults.exclude, ...buildTests],
        },
      },
    ],
  },
})
