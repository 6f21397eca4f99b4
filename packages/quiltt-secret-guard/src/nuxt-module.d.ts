import type { SecretGuardOptions } from './index.js'

/**
 * The Nuxt module. It fails `nuxt build` when a secret's value reaches the client build,
 * `.output/public` (prerendered pages, `public/` files) or `runtimeConfig.public`, and stops
 * the server at start when a `NUXT_PUBLIC_*` variable puts one into `runtimeConfig.public`.
 * Server code is never checked: it is where the secret belongs.
 *
 * @example
 * // nuxt.config.ts
 * export default defineNuxtConfig({ modules: ['quiltt-secret-guard/nuxt'] })
 *
 * @example
 * // with options (the same as the Vite plugin's)
 * export default defineNuxtConfig({
 *   modules: [['quiltt-secret-guard/nuxt', { names: ['QUILTT_API_KEY_SECRET', 'DATABASE_URL'] }]],
 * })
 */
declare function quilttSecretGuardModule(options: SecretGuardOptions, nuxt: unknown): void
declare namespace quilttSecretGuardModule {
  function getMeta(): { name: 'quiltt-secret-guard' }
}

export default quilttSecretGuardModule
export type { SecretGuardOptions }
