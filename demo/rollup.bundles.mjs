// Demo bundles built by the root rollup.config.mjs (the SPA imports quiltt-embed like an integrator would).
/** @type {import('rollup').RollupOptions[]} */
export const demoBundles = []
