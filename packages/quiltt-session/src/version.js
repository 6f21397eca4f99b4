// @ts-check
// The package version, as package.json says it. A constant rather than a read of package.json, so
// it works wherever the package runs or is bundled (Workers, Edge, Deno, Bun): `npm run
// release:version` rewrites it, and a test fails when the two differ.

/** quiltt-session's version, e.g. `'0.1.0'`. */
export const version = '0.1.0'
