import type { ConnectorSDK } from '@quiltt/core/api/browser'
import { ConnectorError } from './connector-error'

declare global {
  interface Window {
    /** Defined by Quiltt's connector.js. */
    Quiltt?: ConnectorSDK
  }
}

interface TrustedTypePolicy {
  createScriptURL(url: string): string
}

/** One download per script URL, however many connectors a page has. */
const loading = new Map<string, Promise<ConnectorSDK>>()
let policy: TrustedTypePolicy | undefined

/**
 * Under `require-trusted-types-for 'script'` a plain string cannot become `script.src`; pages
 * allow our policy by name (`trusted-types quiltt-embed`). It passes only the URL already checked
 * by the options (https, or http on loopback).
 */
function trustedScriptUrl(url: string): string {
  const factory = (
    window as { trustedTypes?: { createPolicy(name: string, rules: object): TrustedTypePolicy } }
  ).trustedTypes
  policy ??= factory?.createPolicy('quiltt-embed', { createScriptURL: (value: string) => value })
  return policy ? policy.createScriptURL(url) : url
}

function failed(cause?: unknown): ConnectorError {
  return new ConnectorError(
    'SCRIPT_LOAD_FAILED',
    'connector.js did not load or did not define window.Quiltt: check `scriptUrl`, the network and your CSP script-src.',
    { cause },
  )
}

/**
 * Loads Quiltt's connector.js once and resolves its `window.Quiltt`. An existing tag for the same
 * URL is reused; a failure forgets the attempt (and removes our tag) so the next call retries.
 */
export function loadScript(url: string, nonce?: string): Promise<ConnectorSDK> {
  let promise = loading.get(url)
  if (!promise) {
    promise = new Promise<ConnectorSDK>((resolve, reject) => {
      if (window.Quiltt) return resolve(window.Quiltt)
      const existing = Array.from(document.scripts).find((script) => script.src === url)
      const script = existing ?? document.createElement('script')
      const done = (event: Event) => {
        script.removeEventListener('load', done)
        script.removeEventListener('error', done)
        if (event.type === 'load' && window.Quiltt) return resolve(window.Quiltt)
        if (!existing) script.remove()
        loading.delete(url)
        reject(
          failed(event.type === 'load' ? new TypeError('window.Quiltt is undefined') : undefined),
        )
      }
      script.addEventListener('load', done)
      script.addEventListener('error', done)
      if (!existing) {
        if (nonce) script.nonce = nonce
        script.src = trustedScriptUrl(url)
        document.head.append(script)
      }
    })
    loading.set(url, promise)
  }
  return promise
}
