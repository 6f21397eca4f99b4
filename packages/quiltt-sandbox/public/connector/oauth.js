// @ts-check

const POLL_MS = 250
// The callback page posts and then closes itself; give its message time to arrive before a
// closed window is taken as "the user gave up".
const CLOSE_GRACE_MS = 500

/** An unguessable OAuth `state`. */
export function newState() {
  const bytes = crypto.getRandomValues(new Uint8Array(18))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
}

/**
 * The `code` from an `{ source: 'quiltt', type: 'OAuthCallback', data: { url, params } }`
 * message whose `state` matches; undefined for anything else.
 * @param {unknown} message
 * @param {string} state
 */
export function codeFromCallback(message, state) {
  if (!isObject(message) || message.source !== 'quiltt' || message.type !== 'OAuthCallback') return
  const data = message.data
  if (!isObject(data)) return
  const params = isObject(data.params) ? data.params : {}
  let query = new URLSearchParams()
  try {
    if (typeof data.url === 'string') query = new URL(data.url).searchParams
  } catch {}
  const read = (/** @type {string} */ name) => {
    const value = params[name] ?? query.get(name)
    return typeof value === 'string' && value ? value : undefined
  }
  return read('state') === state ? read('code') : undefined
}

/**
 * Browser OAuth: a same-origin popup whose callback page reports back to us.
 * Must be called from a click handler (popup blockers).
 * @param {{ state: string, onCode: (code: string) => void, onCancelled: (reason: string) => void }} handlers
 * @returns {() => void} stops listening and closes the popup
 */
export function authorizeWithPopup({ state, onCode, onCancelled }) {
  const popup = window.open(
    `/oauth/authorize?state=${encodeURIComponent(state)}`,
    'quiltt-sandbox-oauth',
    'popup,width=480,height=640',
  )
  if (!popup) {
    onCancelled('The authorization window was blocked. Allow pop-ups and try again.')
    return () => {}
  }
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let grace
  const onMessage = (/** @type {MessageEvent} */ event) => {
    if (event.source !== popup || event.origin !== window.location.origin) return
    const code = codeFromCallback(event.data, state)
    if (!code) return
    stop()
    onCode(code)
  }
  const poll = setInterval(() => {
    if (!popup.closed || grace) return
    grace = setTimeout(() => {
      stop()
      onCancelled('The OAuth Bank window was closed before you authorized access.')
    }, CLOSE_GRACE_MS)
  }, POLL_MS)
  function stop() {
    clearInterval(poll)
    clearTimeout(grace)
    window.removeEventListener('message', onMessage)
    if (!popup?.closed) popup?.close()
  }
  window.addEventListener('message', onMessage)
  return stop
}

/**
 * Webview OAuth: the host opened the bank itself (after our `Navigate`) and relays the return
 * URL to us. Only the parent window, from the embedding origin, may do that.
 * @param {{ state: string, parentOrigin: string, onCode: (code: string) => void }} handlers
 * @returns {() => void}
 */
export function awaitRelayedCallback({ state, parentOrigin, onCode }) {
  const onMessage = (/** @type {MessageEvent} */ event) => {
    if (event.source !== window.parent || event.origin !== parentOrigin) return
    const code = codeFromCallback(event.data, state)
    if (!code) return
    stop()
    onCode(code)
  }
  function stop() {
    window.removeEventListener('message', onMessage)
  }
  window.addEventListener('message', onMessage)
  return stop
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return Object.prototype.toString.call(value) === '[object Object]'
}
