// @ts-check
import { scanBundle, takenOutLeaks } from './bundle-leaks.js'
import { checkOptions } from './check-options.js'
import { encodeSecret } from './encodings.js'
import { envFileVariables } from './env-files.js'
import { findSecrets } from './find-secrets.js'
import { leakMessage } from './leak-message.js'
import { publicDirLeaks } from './public-dir-leaks.js'
import { findLeaks } from './scan.js'

/** @typedef {import('./index.js').SecretGuardOptions} SecretGuardOptions */
/** @typedef {import('./index.js').SecretGuardPlugin} SecretGuardPlugin */
/** @typedef {import('./scan.js').Target} Target */
/** @typedef {import('./leak-message.js').FileLeak} FileLeak */
/** @typedef {import('./bundle-texts.js').BundleLike} BundleLike */
/** @typedef {import('./bundle-leaks.js').RenderedLeaks} RenderedLeaks */

/**
 * Fails a Rollup or Vite build when any emitted chunk, asset or source map, or a file Vite copies
 * from publicDir, contains the value of a secret environment variable, verbatim or encoded.
 *
 * @example
 * // vite.config.js
 * import { secretGuard } from 'quiltt-secret-guard'
 * export default { plugins: [secretGuard()] }
 *
 * @param {SecretGuardOptions} [options]
 * @returns {SecretGuardPlugin}
 */
export function secretGuard(options = {}) {
  const { names, pattern, minLength, allow } = checkOptions(options)
  /** @type {Readonly<Record<string, unknown>>} */
  let viteEnv = {}
  /** @type {Target[] | undefined} */
  let targets
  // `vite build --ssr` (or `build.ssr` in the config): a server bundle, which may rightly
  // hold the secret (SvelteKit's $env/static/private, Nitro's private runtimeConfig).
  let ssrBuild = false
  /** @type {import('./public-dir-leaks.js').PublicDirConfig | undefined} Vite's, when under Vite */
  let viteConfig
  // Leaks in each chunk as rendered, by its preliminary file name, per environment (one plugin
  // object serves them all under Vite's environment API). A later plugin may take a chunk out
  // of the bundle and ship its code elsewhere: Astro inlines small client scripts into pages.
  /** @type {WeakMap<object, RenderedLeaks>} */
  const rendered = new WeakMap()
  const noEnvironment = {}

  /** @param {HookContext} context */
  const serverBuild = (context) => {
    // Only what a browser receives is guarded. Under Vite's environment API the environment,
    // not the config, says which build this is.
    const consumer = context.environment?.config?.consumer
    return consumer ? consumer === 'server' : ssrBuild
  }

  const prepare = () => {
    // Under Vite, variables from .env files are not in process.env: viteEnv has them.
    const env = options.env ?? { ...process.env, ...viteEnv }
    return findSecrets({ env, names, pattern, minLength, allow }).map(({ name, value }) => ({
      name,
      needles: encodeSecret(value),
    }))
  }

  return {
    name: 'quiltt-secret-guard',
    // Vite: nothing is bundled in dev, and 'post' runs us after the plugins that emit files.
    apply: 'build',
    enforce: 'post',
    async configResolved(config) {
      ssrBuild = Boolean(config?.build?.ssr)
      viteConfig = config
      // An explicit `env` replaces every other source, so the .env files are not even read.
      if (options.env !== undefined) return
      // config.env is what Vite inlines as import.meta.env; the files add what a config can
      // inline through `define` after reading them with loadEnv(mode, envDir, '').
      viteEnv = { ...(await envFileVariables(config ?? {})), ...config?.env }
    },
    buildStart() {
      // Once per build (and per rebuild in watch mode, so changed variables are picked up).
      targets = prepare()
    },
    /** @this {HookContext} */
    renderStart() {
      rendered.set(this.environment ?? noEnvironment, new Map())
    },
    renderChunk: {
      order: 'post',
      /**
       * @this {HookContext}
       * @param {string} code
       * @param {{ fileName: string, name: string }} chunk
       */
      handler(code, chunk) {
        if (serverBuild(this)) return null
        targets ??= prepare()
        const leaks = findLeaks(code, targets)
        if (leaks.length > 0) {
          // A chunk's name comes from a module's file name, which may hold the secret too.
          const name = findLeaks(chunk.name, targets).length > 0 ? '(name withheld)' : chunk.name
          rendered.get(this.environment ?? noEnvironment)?.set(chunk.fileName, { name, leaks })
        }
        return null
      },
    },
    generateBundle: {
      // After every other plugin's generateBundle, which may still add or rewrite files.
      order: 'post',
      /**
       * @this {HookContext}
       * @param {unknown} _output
       * @param {BundleLike} bundle
       */
      async handler(_output, bundle) {
        if (serverBuild(this)) return
        // Used as an output plugin, buildStart never runs.
        targets ??= prepare()
        if (targets.length === 0) return
        const taken = takenOutLeaks(rendered.get(this.environment ?? noEnvironment), bundle)
        let leaks
        let fromPublic
        try {
          leaks = [...(await scanBundle(bundle, targets)), ...taken]
          // Vite copies publicDir into the output as it is, past every plugin.
          fromPublic = await publicDirLeaks(this.environment?.config ?? viteConfig, targets)
        } catch (error) {
          // A precompressed file that does not decompress, or unpacks past the bound.
          return this.error(/** @type {Error} */ (error).message)
        }
        if (leaks.length + fromPublic.length > 0) {
          this.error(leakMessage([...leaks, ...fromPublic], { publicDir: fromPublic.length > 0 }))
        }
      },
    },
  }
}

export default secretGuard

/**
 * @typedef {{
 *   error(message: string): never,
 *   environment?: { config?: import('./public-dir-leaks.js').PublicDirConfig & { consumer?: string } },
 * }} HookContext the parts of Rollup's and Vite's plugin context the hooks use
 */
