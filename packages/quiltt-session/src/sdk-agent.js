// @ts-check
// Who calls Quiltt's Auth API (SPEC §4.4): `Quiltt-SDK-Agent: quiltt-session/<version>
// (<runtime>/<version>)`, in our own name, as Quiltt's SDKs send theirs.
import { version } from './version.js'

/**
 * @typedef {object} Scope the globals the runtime is read from
 * @property {{ userAgent?: unknown }} [navigator]
 * @property {unknown} [EdgeRuntime]
 * @property {{ versions?: { node?: unknown } }} [process]
 */

/**
 * The runtime as `<name>/<version>`: `navigator.userAgent` first (Deno `Deno/2.9.6`, Bun
 * `Bun/1.4.5`, workerd `Cloudflare-Workers`), because Deno and Bun also report a Node version;
 * then the Edge runtime's own global (`edge-light`); then Node's `process.versions.node`
 * (`Node/20.20.2`; Node 21+'s own `navigator.userAgent`, `Node.js/22`, has only the major).
 * Only those shapes are copied, so the header can hold nothing else.
 * @param {Scope} [scope]
 */
export function runtimeOf(scope = /** @type {Scope} */ (globalThis)) {
  const userAgent = scope.navigator?.userAgent
  if (
    typeof userAgent === 'string' &&
    /^(Deno|Bun)\/\d[\w.+-]{0,31}$|^Cloudflare-Workers$/.test(userAgent)
  )
    return userAgent
  if (scope.EdgeRuntime !== undefined) return 'edge-light'
  const node = scope.process?.versions?.node
  return typeof node === 'string' && /^\d[\w.+-]{0,31}$/.test(node) ? `Node/${node}` : 'unknown'
}

/**
 * The `Quiltt-SDK-Agent` header's value.
 * @param {Scope} [scope]
 */
export const sdkAgent = (scope) => `quiltt-session/${version} (${runtimeOf(scope)})`
