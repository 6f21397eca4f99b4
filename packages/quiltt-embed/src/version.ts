// Replaced with the package version at build time, so the bundle never reads package.json.
declare const __QUILTT_EMBED_VERSION__: string

/** The quiltt-embed version, e.g. `'0.1.0'`. */
export const version: string = __QUILTT_EMBED_VERSION__

/** What the SDK calls itself to Quiltt (SPEC §4.4): the `agent` on the Connector URL and on connector.js. */
export const agent = `quiltt-embed/${version}`
