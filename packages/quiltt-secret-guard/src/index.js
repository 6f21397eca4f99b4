// @ts-check
import { bundleTexts } from './bundle-texts.js'
import { checkOptions } from './check-options.js'
import { encodeSecret } from './encodings.js'
import { envFileVariables } from './env-files.js'
import { findSecrets } from './find-secrets.js'
import { leakMessage } from './leak-message.js'
import { findLeaks } from './scan.js'

/** @typedef {import('./index.js').SecretGuardOptions} SecretGuardOptions */
/** @typedef {import('./index.js').SecretGuardPlugin} SecretGuardPlugin */
/** @typedef {import('./scan.js').Target} Target */
/** @typedef {import('./leak-message.js').FileLeak} FileLeak */
/** @typedef {import('./bundle-texts.js').BundleLike} BundleLike */

/**
 * Fails a Rollup or Vite build when any emitted chunk, asset or source map contains the value
 * of a secret environment variable, verbatim or encoded.
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
    generateBundle: {
      // After every other plugin's generateBundle, which may still add or rewrite files.
      order: 'post',
      /**
       * @this {{ error(message: string): never, environment?: { config?: { consumer?: string } } }}
       * @param {unknown} _output
       * @param {BundleLike} bundle
       */
      handler(_output, bundle) {
        // Only what a browser receives is guarded. Under Vite's environment API one plugin
        // object serves every environment, so the environment, not the config, says which.
        const consumer = this.environment?.config?.consumer
        if (consumer ? consumer === 'server' : ssrBuild) return
        // Used as an output plugin, buildStart never runs.
        targets ??= prepare()
        const leaks = scanBundle(bundle, targets)
        if (leaks.length > 0) this.error(leakMessage(leaks))
      },
    },
  }
}

export default secretGuard

/**
 * @param {BundleLike} bundle
 * @param {readonly Target[]} targets
 * @returns {FileLeak[]}
 */
function scanBundle(bundle, targets) {
  /** @type {FileLeak[]} */
  const leaks = []
  if (targets.length === 0) return leaks
  for (const { fileName, text } of bundleTexts(bundle)) {
    // A file name can carry a secret too (it ships as well), and it must then not be printed.
    const inName = findLeaks(fileName, targets)
    const shown = inName.length > 0 ? '(an output file whose name contains it)' : fileName
    for (const leak of [...inName, ...findLeaks(text, targets)])
      leaks.push({ ...leak, fileName: shown })
  }
  return leaks
}
