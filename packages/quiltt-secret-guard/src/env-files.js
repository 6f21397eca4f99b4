// @ts-check

/**
 * Every variable a Vite build's `.env` files define, unprefixed ones included, read exactly as
 * a `vite.config.js` reads them with `loadEnv(mode, envDir, '')`. Vite's own `config.env`
 * keeps only the public (`VITE_`) ones, yet a config that passes `loadEnv`'s result to
 * `define` can inline any of them, and those values are in no other place the guard can see.
 *
 * @param {{ mode?: string, envDir?: string | false }} config Vite's resolved config
 * @returns {Promise<Record<string, string>>} also holds process.env, as `loadEnv` merges it in
 */
export async function envFileVariables({ mode, envDir }) {
  if (typeof mode !== 'string' || envDir === undefined) return {}
  // Imported here, not at the top: the guard is also a plain Rollup plugin, and a project that
  // only uses Rollup need not have Vite. This runs only from a Vite hook, where it is present.
  const { loadEnv } = await import('vite')
  return loadEnv(mode, envDir, '')
}
