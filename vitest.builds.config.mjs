// `npm run test:builds`: tests that install packages or run framework builds, minutes of CPU on a
// two-core machine. `npm test` runs them on their own, after the browser phases; inside
// `npm run test:unit` they would run beside the real-Chromium tests and starve them.
import { defineConfig } from 'vitest/config'

/** The heavy files; the unit run (vitest.config.ts) leaves them out. */
export const buildTests = [
  // `npm ci` of Nuxt 4 (about 600 packages), then four `nuxt build`s.
  'packages/quiltt-secret-guard/test/nuxt.test.js',
]

export default defineConfig({
  test: {
    name: 'builds',
    environment: 'node',
    include: buildTests,
    // One at a time, like the examples' builds: each is a heavy process tree.
    fileParallelism: false,
    testTimeout: 300_000,
  },
})
