/**
 * Options of {@link secretGuard}. Every option is optional.
 *
 * @example
 * secretGuard({ names: ['QUILTT_API_KEY_SECRET', 'DATABASE_URL'], minLength: 20 })
 */
export interface SecretGuardOptions {
  /**
   * Variables that are always checked, whatever their name, once their value has at least
   * 8 characters. Default: `['QUILTT_API_KEY_SECRET']`.
   */
  names?: readonly string[]
  /**
   * Any other variable whose name matches is checked when its value has at least `minLength`
   * characters. `null` checks `names` only. Default: `/SECRET|PRIVATE|API_KEY/i`.
   */
  pattern?: RegExp | null
  /** Minimum value length for pattern-matched variables; at least 8. Default: `16`. */
  minLength?: number
  /**
   * Pattern-matched variables whose values are public by design and may ship, such as a
   * Firebase web `VITE_FIREBASE_API_KEY`. Does not exempt a name listed in `names`.
   * Default: `[]`.
   */
  allow?: readonly string[]
  /**
   * Where the values come from, instead of every default source. Default: `process.env`, plus,
   * under Vite, every variable of the `.env` files as `loadEnv(mode, envDir, '')` reads them
   * (prefixed or not, with Vite's resolved `mode` and `envDir`).
   */
  env?: Readonly<Record<string, string | undefined>>
}

/**
 * The plugin object: a Rollup plugin that Vite also accepts as is. Its hooks are internal;
 * pass it to `plugins` and do not call them.
 */
export interface SecretGuardPlugin {
  name: 'quiltt-secret-guard'
  apply: 'build'
  enforce: 'post'
  configResolved(config: {
    env?: Readonly<Record<string, unknown>>
    mode?: string
    envDir?: string | false
    root?: string
    publicDir?: string
    build?: { ssr?: unknown; copyPublicDir?: boolean }
  }): Promise<void>
  buildStart(): void
  renderStart(this: { error(message: string): never; environment?: object }): void
  renderChunk: {
    order: 'post'
    handler(
      this: { error(message: string): never; environment?: { config?: { consumer?: string } } },
      code: string,
      chunk: { fileName: string; name: string },
    ): null
  }
  generateBundle: {
    order: 'post'
    handler(
      this: {
        error(message: string): never
        environment?: {
          config?: {
            consumer?: string
            root?: string
            publicDir?: string
            build?: { copyPublicDir?: boolean }
          }
        }
      },
      output: unknown,
      bundle: unknown,
    ): Promise<void>
  }
}

/**
 * Fails a Rollup or Vite client build (`vite build`; SSR builds are skipped) when any emitted
 * chunk, asset or source map, or under Vite any file it copies from `publicDir`, contains the
 * value of a secret environment variable: verbatim, JS-escaped, URL-encoded, base64/base64url
 * (at any byte alignment, e.g. inside `Basic base64("id:" + secret)`) or hex; `.gz` and `.br`
 * files are read decompressed. The error names the variable, the encoding and the file, never
 * the value.
 *
 * @example
 * // vite.config.js
 * import { defineConfig } from 'vite'
 * import { secretGuard } from 'quiltt-secret-guard'
 *
 * export default defineConfig({ plugins: [secretGuard()] })
 *
 * @example
 * // rollup.config.js
 * import { secretGuard } from 'quiltt-secret-guard'
 *
 * export default { input: 'src/main.js', output: { dir: 'dist' }, plugins: [secretGuard()] }
 */
export declare function secretGuard(options?: SecretGuardOptions): SecretGuardPlugin

export default secretGuard
