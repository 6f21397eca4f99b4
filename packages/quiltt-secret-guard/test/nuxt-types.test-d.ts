// Compile-time checks (run by `tsc -p packages/quiltt-secret-guard`): the `quiltt-secret-guard/nuxt`
// subpath resolves through the package's exports map to typed declarations.
import quilttSecretGuardModule, { type SecretGuardOptions } from 'quiltt-secret-guard/nuxt'

const options: SecretGuardOptions = { names: ['QUILTT_API_KEY_SECRET', 'DATABASE_URL'] }
// A Nuxt config's `modules` entry: the module itself, or [module, options].
export const modules = [quilttSecretGuardModule, [quilttSecretGuardModule, options]] as const
export const name: 'quiltt-secret-guard' = quilttSecretGuardModule.getMeta().name

// @ts-expect-error options are the plugin's: names is an array of strings
quilttSecretGuardModule({ names: 'QUILTT_API_KEY_SECRET' }, {})
