// Compile-time checks (run by `tsc -p packages/quiltt-secret-guard`): the declared plugin fits
// both Rollup's and Vite's plugin types without casts.
import type { RollupOptions, Plugin as RollupPlugin } from 'rollup'
import type { PluginOption, UserConfig, Plugin as VitePlugin } from 'vite'
import secretGuardDefault, { type SecretGuardOptions, secretGuard } from '../src/index.js'

const rollupPlugin: RollupPlugin = secretGuard()
const vitePlugin: VitePlugin = secretGuard({ minLength: 24 })
const option: PluginOption = secretGuardDefault()
export const rollupConfig: RollupOptions = { input: 'x', plugins: [secretGuard()] }
export const viteConfig: UserConfig = { plugins: [secretGuard({ names: ['A'], pattern: null })] }

const options: SecretGuardOptions = { env: { A: 'b', C: undefined } }
// @ts-expect-error minLength is a number
secretGuard({ minLength: '16' })
// @ts-expect-error pattern is a RegExp or null
secretGuard({ pattern: 'SECRET' })

export { option, options, rollupPlugin, vitePlugin }
