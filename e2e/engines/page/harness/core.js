// Runs first in the host page, before the SDK. The harness is what the engine scenarios call
// through `driver.evaluate('harness.name(...)')`; its pieces are the scripts in this folder, each
// adding its own calls to `window.harness` (the host page loads them in order, see host-page.ts).
// This one records what the page receives (every message, CSP violations, errors) and holds the
// small tools the others share in `window.harnessKit`. Waits are round trips or conditions, never
// sleeps.
;(() => {
  /** Every message this window receives, in order. */
  const messages = []
  addEventListener('message', (event) => messages.push(event))
  /** CSP violations reported in this page. */
  const violations = []
  document.addEventListener('securitypolicyviolation', (event) =>
    violations.push(
      `${event.effectiveDirective} ${event.blockedURI} ${event.sample} ${event.sourceFile}:${event.lineNumber}`,
    ),
  )
  /** Errors that reached the page (a listener or the SDK throwing). */
  const errors = []
  addEventListener('error', (event) => errors.push(String(event.error ?? event.message)))
  addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)))

  let counter = 0
  /** The SDK bundle's exports (set by `ready`) and the puppet Connector's port (by `whenReady`). */
  const kit = { sdk: undefined, puppetPort: '', messages, violations, errors }

  const unique = (prefix) => `${prefix}${Date.now().toString(36)}-${(counter++).toString(36)}`
  const base64url = (value) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  /** A well-formed session token (the SDK checks shape and exp, never the signature). */
  const makeToken = () => {
    const now = Math.floor(Date.now() / 1000)
    const claims = { iat: now, nbf: now, exp: now + 3600, jti: unique('j'), oid: 'p_engine' }
    return `${base64url({ alg: 'HS512', typ: 'JWT' })}.${base64url(claims)}.c2lnbmF0dXJl`
  }
  const originOf = (connectorId) => `http://${connectorId}.localhost:${kit.puppetPort}`
  const waitFor = async (condition, what, timeout = 15_000) => {
    const deadline = Date.now() + timeout
    for (;;) {
      const value = condition()
      if (value) return value
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise((resolve) => requestAnimationFrame(resolve))
    }
  }
  const frameOf = (connectorId) =>
    [...document.querySelectorAll('iframe')].find(
      (frame) => frame.src && new URL(frame.src).origin === originOf(connectorId),
    )
  const plain = (value) => JSON.parse(JSON.stringify(value ?? null))
  /** An element as a user would name it: `tag[role=…] "label"`. */
  const nameOf = (element) => {
    if (!element) return 'none'
    const label = element.getAttribute('aria-label') ?? element.getAttribute('title') ?? element.id
    const role = element.getAttribute('role')
    return `${element.localName}${role ? `[role=${role}]` : ''}${label ? ` "${label}"` : ''}`
  }
  const box = (element) => {
    const { left, top, width, height } = element.getBoundingClientRect()
    return { left, top, width, height }
  }
  /** The SDK's modal (the page's own dialogs carry no role attribute). */
  const dialog = () => document.querySelector('[role="dialog"]')
  /** The page's opener button, also where a layout puts it in a shadow root (top-layer.js). */
  const opener = () =>
    document.getElementById('opener') ??
    document.getElementById('bank-link')?.shadowRoot?.getElementById('opener')
  const raf = () =>
    new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))

  Object.assign(kit, {
    unique,
    makeToken,
    originOf,
    waitFor,
    frameOf,
    plain,
    nameOf,
    box,
    dialog,
    opener,
  })

  window.harnessKit = kit
  window.harness = {
    ready(api) {
      const tall = () => {
        document.getElementById('tall').style.height = '3000px'
        kit.sdk = api
      }
      // The script-tag build runs in <head>, before the body is parsed.
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', tall)
      else tall()
    },
    async whenReady(port) {
      kit.puppetPort = port
      await waitFor(() => kit.sdk, 'the SDK bundle to load')
      return Object.keys(kit.sdk).sort()
    },
    makeToken,
    unique,
    originOf,
    /** Resolves after two rendering frames: IntersectionObserver has reported by then. */
    frames: raf,
    raf,
  }
})()
