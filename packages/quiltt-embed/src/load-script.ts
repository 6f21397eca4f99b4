import type { ConnectorSDK } from '@quiltt/core/api/browser'
import { ConnectorError } from './connector-error'
import { createElement, documentHead, documentScripts } from './dom'

declare global {
  interface Window {
    /** Defined by Quiltt's connector.js. */
    Quiltt?: ConnectorSDK
    trustedTypes?: {
      createPolicy(name: string, rules: { createScriptURL(url: string): string }): Policy
    }
  }
}
type Policy = { createScriptURL(url: string): string }

/** One download per script URL, however many connectors a page has. */
const loading = new Map<string, Promise<ConnectorSDK>>()
/** The page's own tags we waited on in vain: never waited on again. */
const abandoned = new WeakSet<HTMLScriptElement>()
/** Script URLs the page author configured (checked `scriptUrl` options): all the policy allows. */
const allowed = new Set<string>()
/**
 * Under `require-trusted-types-for 'script'` a string cannot become `script.src`; pages allow our
 * policy by name (`trusted-types quiltt-embed`). It turns only the configured URLs into script
 * URLs and throws for anything else, so it can never launder another URL.
 */
let policy: Policy | undefined

/**
 * connector.js's `window.Quiltt`: an own property of window. An element with `id="Quiltt"` is
 * reachable as `window.Quiltt` too (through the prototype chain), and must not pass for it.
 */
const quilttSdk = () => (Object.hasOwn(window, 'Quiltt') ? window.Quiltt : undefined)

/** A script URL's origin and path: its query (`?agent=…`) does not make it another script. */
const withoutQuery = (url: string) => url.split(/[?#]/)[0]

/**
 * Loads Quiltt's connector.js once and resolves `window.Quiltt`. A tag already in the page for
 * the same origin and path is reused; a failure forgets the attempt (and removes our tag) so the
 * next call retries.
 */
export function loadScript(url: string, timeout: number, nonce = ''): Promise<ConnectorSDK> {
  let promise = loading.get(url)
  if (!promise) {
    promise = new Promise((resolve, reject) => {
      if (quilttSdk()) return resolve(quilttSdk()!)
      // A tag of the same origin and path is this script whatever its query (the page's own may
      // carry no agent, or another). Reuse it only while it is still loading: one that finished
      // without defining window.Quiltt has failed, and waiting on it would hang.
      const existing = [...documentScripts()].find(
        (script) =>
          withoutQuery(script.src) === withoutQuery(url) &&
          !abandoned.has(script) &&
          !performance.getEntriesByName(script.src).length,
      )
      const script = existing ?? createElement('script')
      const listen = (method: 'addEventListener' | 'removeEventListener') => {
        script[method]('load', done)
        script[method]('error', done)
      }
      const done = (event?: Event, cause?: unknown) => {
        clearTimeout(timer)
        listen('removeEventListener')
        if (quilttSdk()) return resolve(quilttSdk()!)
        if (existing) abandoned.add(existing)
        else script.remove()
        loading.delete(url)
        reject(
          new ConnectorError(
            'SCRIPT_LOAD_FAILED',
            'connector.js failed to load or to define window.Quiltt: check `scriptUrl`, the network and your CSP (script-src, trusted-types quiltt-embed).',
            {
              cause: cause ?? (event?.type === 'load' ? new TypeError('no window.Quiltt') : event),
            },
          ),
        )
      }
      // A tag that never settles (or one that had failed before we saw it) must not block every
      // later open(): after `timeout` the attempt is dropped and the next open() starts afresh.
      const timer = setTimeout(
        done,
        timeout,
        undefined,
        new Error(`connector.js did not load within ${timeout} ms`),
      )
      listen('addEventListener')
      if (existing) return
      try {
        allowed.add(url)
        policy ??= window.trustedTypes?.createPolicy('quiltt-embed', {
          createScriptURL(value) {
            if (allowed.has(value)) return value
            throw new TypeError('quiltt-embed only loads the configured scriptUrl')
          },
        })
        script.nonce = nonce
        script.src = (policy?.createScriptURL(url) ?? url) as string
        documentHead().append(script)
      } catch (error) {
        // Trusted Types refused our policy or the URL: the page's CSP must allow `quiltt-embed`.
        done(undefined, error)
      }
    })
    loading.set(url, promise)
  }
  return promise
}
