import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { printedForms } from './cli-helpers.js'
import { createNuxtApp, nuxtBuild, startServer, writeApp } from './nuxt-fixture.js'

// Real `nuxt build`s (Nuxt 4.3.1) of a tiny app in a temp folder: minutes on a busy machine.
const BUILD_TIMEOUT = 300_000
// `npm ci` of Nuxt (about 600 packages): about a minute with a warm npm cache, more without.
const INSTALL_TIMEOUT = 600_000
const SECRET = 'qk_sec_Zt8pW2mQ9xL4vR7nB3'
const ENV = { QUILTT_API_KEY_SECRET: SECRET }

/**
 * The app: the server reads the secret from private runtimeConfig, as it should. Each case
 * adds one mistake: `config` (nuxt.config.ts keys), `script` and `page` (app.vue), `files`.
 */
const app = ({ config = '', script = '', page = '', files = {} } = {}) => ({
  'nuxt.config.ts': `export default defineNuxtConfig({
  compatibilityDate: '2026-12-01',
  modules: ['quiltt-secret-guard/nuxt'],
  runtimeConfig: {
    quilttApiKeySecret: process.env.QUILTT_API_KEY_SECRET,
    public: { quilttConnectorId: 'connector-abc123' },
  },
  telemetry: false,
  ${config}
})
`,
  'app/app.vue': `<script setup lang="ts">
const config = useRuntimeConfig()
${script}
</script>

<template>
  <p>{{ config.public.quilttConnectorId }}</p>
  ${page}
</template>
`,
  'server/api/key-length.get.ts':
    'export default defineEventHandler(() => ({ length: useRuntimeConfig().quilttApiKeySecret.length }))\n',
  ...files,
})

/** @type {string} */
let dir

beforeAll(async () => {
  dir = await createNuxtApp()
}, INSTALL_TIMEOUT)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('quiltt-secret-guard/nuxt', () => {
  describe('a clean app whose server holds the secret', () => {
    it(
      'builds, starts, and still refuses to start when NUXT_PUBLIC_* puts the secret into runtimeConfig.public',
      async () => {
        await writeApp(dir, app())
        const build = await nuxtBuild(dir, ENV)
        expect(build.output).not.toContain('quiltt-secret-guard')
        expect(build.code).toBe(0)

        const server = await startServer(dir, { ...ENV, NUXT_QUILTT_API_KEY_SECRET: SECRET })
        server.stop()
        expect(server.listening).toBe(true)

        // The override exists only at run time: no build could have seen it.
        const leaking = await startServer(dir, { ...ENV, NUXT_PUBLIC_QUILTT_CONNECTOR_ID: SECRET })
        leaking.stop()
        expect(leaking.listening).toBe(false)
        expect(leaking.code).not.toBe(0)
        expect(leaking.output).toContain(
          'quiltt-secret-guard: at server start: runtimeConfig.public holds the value of a secret',
        )
        expect(leaking.output).toContain(
          '  - QUILTT_API_KEY_SECRET (verbatim) in runtimeConfig.public.quilttConnectorId',
        )
        expect(printedForms(leaking.output, SECRET)).toEqual([])
      },
      BUILD_TIMEOUT,
    )
  })

  it(
    'fails the build when runtimeConfig.public holds the secret',
    async () => {
      await writeApp(
        dir,
        app({
          config:
            '$production: { runtimeConfig: { public: { quilttKey: process.env.QUILTT_API_KEY_SECRET } } },',
        }),
      )
      const build = await nuxtBuild(dir, ENV)
      expect(build.code).not.toBe(0)
      expect(build.output).toContain('quiltt-secret-guard: at build: runtimeConfig.public holds')
      expect(build.output).toContain(
        '  - QUILTT_API_KEY_SECRET (verbatim) in runtimeConfig.public.quilttKey',
      )
      expect(printedForms(build.output, SECRET)).toEqual([])
    },
    BUILD_TIMEOUT,
  )

  it(
    'fails the build when client code holds the secret, read from .env',
    async () => {
      // Nuxt loads .env for the build; the variable is in no environment the test sets.
      await writeApp(
        dir,
        app({
          config:
            'vite: { define: { __KEY__: JSON.stringify(process.env.QUILTT_API_KEY_SECRET) } },',
          script: 'const key = __KEY__',
          page: '<p>{{ key.length }}</p>',
          files: { '.env': `QUILTT_API_KEY_SECRET=${SECRET}\n` },
        }),
      )
      const build = await nuxtBuild(dir, {})
      expect(build.code).not.toBe(0)
      expect(build.output).toMatch(/- QUILTT_API_KEY_SECRET \(verbatim\) in _nuxt\/[\w-]+\.js/)
      expect(printedForms(build.output, SECRET)).toEqual([])
    },
    BUILD_TIMEOUT,
  )

  it(
    'fails the build when a file in public/ (served as is) holds the secret',
    async () => {
      await writeApp(
        dir,
        app({ files: { 'public/settings.json': JSON.stringify({ apiKey: SECRET }) } }),
      )
      const build = await nuxtBuild(dir, ENV)
      expect(build.code).not.toBe(0)
      expect(build.output).toContain('is in .output/public, which is served to every browser')
      expect(build.output).toContain(
        '  - QUILTT_API_KEY_SECRET (verbatim) in .output/public/settings.json',
      )
      expect(printedForms(build.output, SECRET)).toEqual([])
    },
    BUILD_TIMEOUT,
  )
})
