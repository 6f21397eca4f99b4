// @ts-check
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { browserFiles } from './browser-files.js'
import { checkOptions } from './check-options.js'
import { secretGuard } from './index.js'
import { LEAK_ADVICE, leakList } from './leak-message.js'
import { publicConfigLeaks, publicConfigMessage } from './public-config-leaks.js'
import { scanFile } from './scan-files.js'
import { secretSources } from './secret-sources.js'

/** @typedef {import('./index.js').SecretGuardOptions} SecretGuardOptions */
/** @typedef {import('./leak-message.js').FileLeak} FileLeak */

/**
 * The parts of Nuxt (4) and Nitro (2) this module uses. Typed here, not imported, so the
 * package needs neither `@nuxt/schema` nor `nitropack`.
 * @typedef {{
 *   options: {
 *     dev: boolean,
 *     rootDir: string,
 *     runtimeConfig: { public?: unknown },
 *     nitro: { virtual?: Record<string, string>, plugins?: string[] },
 *   },
 *   hook(name: string, fn: (...args: any[]) => unknown): unknown,
 * }} NuxtLike
 * @typedef {{
 *   options: { output: { publicDir: string } },
 *   hooks: { hook(name: string, fn: () => unknown): unknown },
 * }} NitroLike
 */

/** The Nitro plugin that checks runtimeConfig.public again when the server starts. */
const RUNTIME_CHECK = fileURLToPath(new URL('./nuxt-runtime-check.js', import.meta.url))

/**
 * The Nuxt module: `modules: ['quiltt-secret-guard/nuxt']`. It guards everything a browser can
 * receive from a Nuxt app, and nothing of the server, which rightly holds the secret:
 *
 * - the client build (the Vite plugin, added to the client build only);
 * - `.output/public` after `nuxt build` or `nuxt generate` (prerendered pages, public/ files);
 * - `runtimeConfig.public`, at build and again when the server starts, since Nuxt renders it
 *   into every page and `NUXT_PUBLIC_*` variables override it at run time.
 *
 * Options are the Vite plugin's: `modules: [['quiltt-secret-guard/nuxt', { names: [...] }]]`.
 *
 * @param {SecretGuardOptions} inlineOptions
 * @param {NuxtLike} nuxt
 */
export default function quilttSecretGuardModule(inlineOptions, nuxt) {
  const options = inlineOptions ?? {}
  const { names, pattern, minLength, allow } = checkOptions(options)
  const targets = async () => {
    const rules = { names, pattern, minLength, allow }
    const env = options.env ?? process.env
    return (await secretSources({ env, dir: nuxt.options.rootDir, rules })).targets
  }

  nuxt.hook('vite:extendConfig', (/** @type {{ plugins?: unknown[] }} */ config, { isClient }) => {
    // A fresh plugin per client build; the server build may rightly inline the secret.
    if (!isClient) return
    config.plugins ??= []
    config.plugins.push(secretGuard(options))
  })

  nuxt.hook('modules:done', async () => {
    // After every module, so that what they add to runtimeConfig.public is checked too.
    const leaks = publicConfigLeaks(
      nuxt.options.runtimeConfig.public,
      await targets(),
      'runtimeConfig.public',
    )
    if (leaks.length > 0) throw new Error(publicConfigMessage(leaks, 'at build'))
  })

  // The server's own check. Its options go in a virtual module: the plugin runs in the built
  // server, where this config no longer exists. RegExps do not survive JSON, so the source does.
  const nitro = nuxt.options.nitro
  nitro.virtual = {
    ...nitro.virtual,
    '#quiltt-secret-guard/options': `export default ${JSON.stringify({
      names,
      pattern: pattern && { source: pattern.source, flags: pattern.flags },
      minLength,
      allow,
    })}`,
  }
  nitro.plugins = [...(nitro.plugins ?? []), RUNTIME_CHECK]

  nuxt.hook('nitro:init', (/** @type {NitroLike} */ nitroApp) => {
    if (nuxt.options.dev) return
    // 'compiled' is Nitro's last build step: prerendered pages and public/ files are written.
    nitroApp.hooks.hook('compiled', async () => {
      const publicDir = nitroApp.options.output.publicDir
      const leaks = await scanFolder(publicDir, await targets(), nuxt.options.rootDir)
      if (leaks.length > 0) {
        throw new Error(
          [
            `quiltt-secret-guard: the value of a secret environment variable is in ${relative(nuxt.options.rootDir, publicDir) || publicDir}, which is served to every browser. Do not deploy this build:`,
            ...leakList(leaks),
            ...LEAK_ADVICE,
          ].join('\n'),
        )
      }
    })
  })
}

/** Nuxt reads a function module's name from here (in logs and `nuxi info`). */
quilttSecretGuardModule.getMeta = () => ({ name: 'quiltt-secret-guard' })

/**
 * @param {string} dir
 * @param {readonly import('./scan.js').Target[]} targets
 * @param {string} rootDir file names are reported relative to it
 * @returns {Promise<FileLeak[]>}
 */
async function scanFolder(dir, targets, rootDir) {
  /** @type {FileLeak[]} */
  const leaks = []
  if (targets.length === 0) return leaks
  for await (const { path, skipped } of browserFiles(dir, rootDir)) {
    if (!skipped) leaks.push(...(await scanFile(path, relative(rootDir, path), targets)))
  }
  return leaks
}
