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
/**
 * Our own tags still downloading after an attempt gave up on them, by URL. A slow connector.js
 * keeps coming after its deadline; a second tag for the same URL would download and run it twice
 * (two `window.Quiltt`s: the connector drives one, the page keeps the other), so a retry waits on
 * the same download instead.
 */
const downloading = new Map<string, HTMLScriptElement>()
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

/** Adds or removes `listener` for a script's outcome: `load` or `error`, whichever comes. */
const listen = (
  script: HTMLScriptElement | undefined,
  method: 'addEventListener' | 'removeEventListener',
  listener: (event: Event) => void,
) => {
  script?.[method]('load', listener)
  script?.[method]('error', listener)
}

/**
 * Our `<script>` for `url`, in the document. It stays while it downloads, also after an attempt's
 * deadline; once it settles without defining window.Quiltt (an error, or a script that did not
 * define it) it is removed, so the next attempt downloads afresh.
 */
function insertScript(url: string, nonce: string): HTMLScriptElement {
  const script = createElement('script')
  allowed.add(url)
  policy ??= window.trustedTypes?.createPolicy('quiltt-embed', {
    createScriptURL(value) {
      if (allowed.has(value)) return value
      throw new TypeError('quiltt-embed only loads the configured scriptUrl')
    },
  })
  script.nonce = nonce
  script.src = (policy?.createScriptURL(url) ?? url) as string
  const settle = (event: Event) => {
    listen(script, 'removeEventListener', settle)
    downloading.delete(url)
    if (event.type === 'error' || !quilttSdk()) script.remove()
  }
  listen(script, 'addEventListener', settle)
  documentHead().append(script)
  downloading.set(url, script)
  return script
}

/** A script URL's origin and path: its query (`?agent=…`) does not make it another script. */
const withoutQuery = (url: string) => url.split(/[?#]/)[0]

/**
 * The page's own tag for the script at `url`'s origin and path, whatever its query (the page's
 * own may carry no agent, or another), while it is still loading: one that finished without
 * defining window.Quiltt has failed, and waiting on it would hang.
 */
const pageScript = (url: string) =>
  [...documentScripts()].find(
    (script) =>
      withoutQuery(script.src) === withoutQuery(url) &&
      !abandoned.has(script) &&
      !performance.getEntriesByName(script.src).length,
  )

/**
 * Loads Quiltt's connector.js once and resolves `window.Quiltt`. A tag already in the page for
 * the same origin and path is reused, and so is our own while it still downloads; a failure
 * forgets the attempt so the next call retries, each attempt with its own `timeout`.
 */
export function loadScript(url: string, timeout: number, nonce = ''): Promise<ConnectorSDK> {
  let promise = loading.get(url)
  if (!promise) {
    promise = new Promise((resolve, reject) => {
      if (quilttSdk()) return resolve(quilttSdk()!)
      const ours = downloading.get(url)
      const existing = ours ? undefined : pageScript(url)
      let script: HTMLScriptElement | undefined
      const done = (event?: Event, cause?: unknown) => {
        clearTimeout(timer)
        listen(script, 'removeEventListener', done)
        if (quilttSdk()) return resolve(quilttSdk()!)
        // Our own tag removes itself once it settles (insertScript); the page's stays where it is.
        if (existing) abandoned.add(existing)
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
      // later open(): after `timeout` the attempt is dropped, and the next open() waits again with
      // a deadline of its own, on our download if it is still coming, else on a new one.
      const timer = setTimeout(
        done,
        timeout,
        undefined,
        new Error(`connector.js did not load within ${timeout} ms`),
      )
      try {
        script = existing ?? ours ?? insertScript(url, nonce)
        listen(script, 'addEventListener', done)
      } catch (error) {
        // Trusted Types refused our policy or the URL: the page's CSP must allow `quiltt-embed`.
        done(undefined, error)
      }
    })
    loading.set(url, promise)
  }
  return promise
}
