// @ts-check
// quiltt-sandbox's connector.js: a stand-in for https://cdn.quiltt.io/v1/connector.js that
// defines `window.Quiltt` (ConnectorSDK from @quiltt/core/api/browser) and opens the sandbox
// Connector in a modal. Strict-CSP and Trusted-Types clean: DOM APIs and element.style only.
;(() => {
  /**
   * @typedef {import('@quiltt/core/api/browser').ConnectorSDK} ConnectorSDK
   * @typedef {import('@quiltt/core/api/browser').ConnectorSDKConnector} ConnectorSDKConnector
   * @typedef {import('@quiltt/core/api/browser').ConnectorSDKCallbackMetadata} Metadata
   * @typedef {'Event' | 'Open' | 'Load' | 'Exit' | 'ExitSuccess' | 'ExitAbort' | 'ExitError'} Kind
   * @typedef {{ sets: Record<Kind, Set<Function>>, api: any, clear: () => void }} Registry
   * @typedef {{ overlay: HTMLElement, iframe: HTMLIFrameElement, cleanup: () => void }} Modal
   * @typedef {{ id: string, flow: 'connect' | 'reconnect', options: Record<string, any>, callbacks: Registry, optionCallbacks: Registry, connector: ConnectorSDKConnector, modal: Modal | null, last: Metadata }} Entry
   */
  const ID = /^[a-z0-9][a-z0-9-]{0,62}$/i
  /** @type {Kind[]} */
  const KINDS = ['Event', 'Open', 'Load', 'Exit', 'ExitSuccess', 'ExitAbort', 'ExitError']
  /** Connector message type → Quiltt's ConnectorSDKEventType value. */
  const TYPES = /** @type {Record<string, string>} */ ({
    Load: 'loaded',
    ExitSuccess: 'exited.successful',
    ExitAbort: 'exited.aborted',
    ExitError: 'exited.errored',
  })
  /** Event type → the callback kind named after it. */
  const SPECIFIC = /** @type {Record<string, Kind>} */ ({
    opened: 'Open',
    loaded: 'Load',
    'exited.successful': 'ExitSuccess',
    'exited.aborted': 'ExitAbort',
    'exited.errored': 'ExitError',
  })

  // Connector origins share this script's scheme and port: http://{id}.localhost:PORT
  const scriptUrl = new URL(ownSrc())
  const portPart = scriptUrl.port ? `:${scriptUrl.port}` : ''
  const originOf = (/** @type {string} */ id) =>
    `${scriptUrl.protocol}//${id.toLowerCase()}.localhost${portPart}`

  /** @type {string | null} */
  let token = null
  /** @type {Map<string, Entry>} */
  const entries = new Map()
  const globals = registry()

  function ownSrc() {
    const current = document.currentScript
    if (current instanceof HTMLScriptElement && current.src) return current.src
    const tags = document.querySelectorAll('script[src*="/v1/connector.js"]')
    const last = tags[tags.length - 1]
    return last instanceof HTMLScriptElement ? last.src : window.location.href
  }

  /** @returns {Registry} */
  function registry() {
    const sets = /** @type {Record<Kind, Set<Function>>} */ ({})
    /** @type {Record<string, (callback: Function) => void>} */
    const api = {}
    for (const kind of KINDS) {
      sets[kind] = new Set()
      api[`on${kind}`] = (callback) => {
        if (typeof callback === 'function') sets[kind].add(callback)
      }
      api[`off${kind}`] = (callback) => {
        sets[kind].delete(callback)
      }
    }
    const clear = () => {
      for (const kind of KINDS) sets[kind].clear()
    }
    return { sets, api, clear }
  }

  /** Option callbacks (`{ onExitSuccess, … }`) as a registry of their own. */
  function optionRegistry(/** @type {Record<string, any>} */ options) {
    const callbacks = registry()
    for (const kind of KINDS) callbacks.api[`on${kind}`](options[`on${kind}`])
    return callbacks
  }

  /**
   * Calls the specific callbacks, then onExit (for exits), then onEvent; per kind: option
   * callbacks, the connector's, then global ones. A throwing callback is reported, not fatal.
   * @param {Entry} entry @param {string} type @param {Metadata} metadata
   */
  function emit(entry, type, metadata) {
    const sources = [entry.optionCallbacks, entry.callbacks, globals]
    const call = (/** @type {Kind} */ kind, /** @type {unknown[]} */ args) => {
      for (const source of sources) {
        for (const callback of [...source.sets[kind]]) {
          try {
            callback(...args)
          } catch (error) {
            if (typeof reportError === 'function') reportError(error)
          }
        }
      }
    }
    call(SPECIFIC[type], [metadata])
    if (type.startsWith('exited.')) call('Exit', [type, metadata])
    call('Event', [type, metadata])
  }

  /** @param {unknown} value @returns {value is Record<string, unknown>} */
  const isObject = (value) => Object.prototype.toString.call(value) === '[object Object]'

  /**
   * Metadata from a Connector message, or null when a field has the wrong type.
   * @param {string} connectorId @param {Record<string, unknown>} data @returns {Metadata | null}
   */
  function metadataFrom(connectorId, data) {
    /** @type {Metadata} */
    const metadata = { connectorId }
    for (const field of /** @type {const} */ (['profileId', 'connectionId'])) {
      const value = data[field]
      if (value === undefined) continue
      if (typeof value !== 'string') return null
      metadata[field] = value
    }
    const session = data.connectorSession
    if (session !== undefined) {
      if (!isObject(session) || typeof session.id !== 'string') return null
      metadata.connectorSession = { id: session.id }
    }
    return metadata
  }

  /** @param {Entry} entry */
  function connectorUrl(entry) {
    const url = new URL('/', originOf(entry.id))
    const params = url.searchParams
    const { institution, connectionId, appLauncherUrl, themeMode } = entry.options
    params.set('mode', 'MODAL')
    if (token) params.set('token', token)
    if (entry.flow === 'reconnect') params.set('connectionId', connectionId)
    else if (typeof institution === 'string' && institution) params.set('institution', institution)
    if (typeof appLauncherUrl === 'string' && appLauncherUrl) {
      params.set('app_launcher_url', appLauncherUrl)
    }
    // Quiltt's connector.js sends themeMode on as the Connector's theme_mode parameter.
    if (themeMode === 'light' || themeMode === 'dark' || themeMode === 'auto') {
      params.set('theme_mode', themeMode)
    }
    // Origin and path only: the host's query string and fragment may hold private data.
    params.set('embed_location', window.location.origin + window.location.pathname)
    return url.href
  }

  /** @param {string} src */
  function drawModal(src) {
    const overlay = document.createElement('div')
    overlay.setAttribute('role', 'dialog')
    overlay.setAttribute('aria-modal', 'true')
    overlay.setAttribute('aria-label', 'Quiltt Connector')
    Object.assign(overlay.style, {
      position: 'fixed',
      inset: '0',
      zIndex: '2147483647',
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      background: 'rgba(16, 16, 24, 0.6)',
    })
    const iframe = document.createElement('iframe')
    iframe.title = 'Quiltt Connector'
    iframe.setAttribute('allow', 'publickey-credentials-get *')
    const narrow = window.matchMedia('(max-width: 600px)').matches
    Object.assign(iframe.style, {
      border: '0',
      background: '#fff',
      width: narrow ? '100%' : 'min(480px, 100%)',
      height: narrow ? '100%' : 'min(720px, 100%)',
      borderRadius: narrow ? '0' : '12px',
    })
    iframe.src = src
    overlay.append(iframe)
    return { overlay, iframe }
  }

  /** @param {Entry} entry */
  function open(entry) {
    if (entry.modal) return
    const origin = originOf(entry.id)
    const { overlay, iframe } = drawModal(connectorUrl(entry))
    const opener = document.activeElement
    const root = document.documentElement
    const overflow = root.style.overflow
    entry.last = { connectorId: entry.id }

    const onMessage = (/** @type {MessageEvent} */ event) => {
      // Source window first, then origin, then shape: anything else is dropped silently.
      if (event.source !== iframe.contentWindow || event.origin !== origin) return
      const data = event.data
      if (!isObject(data) || data.source !== 'quiltt' || typeof data.type !== 'string') return
      const type = TYPES[data.type]
      const metadata = type && metadataFrom(entry.id, data)
      if (!metadata) return
      entry.last = metadata
      // Close before the callbacks so one that reopens the Connector is not undone.
      if (type.startsWith('exited.')) close(entry)
      emit(entry, type, metadata)
    }
    const onKey = (/** @type {KeyboardEvent} */ event) => {
      if (event.key !== 'Escape' || !entry.modal) return
      close(entry)
      emit(entry, 'exited.aborted', entry.last)
    }
    const cleanup = () => {
      window.removeEventListener('message', onMessage)
      document.removeEventListener('keydown', onKey)
      overlay.remove()
      root.style.overflow = overflow
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    }
    window.addEventListener('message', onMessage)
    document.addEventListener('keydown', onKey)
    entry.modal = { overlay, iframe, cleanup }
    root.style.overflow = 'hidden'
    document.body.append(overlay)
    iframe.focus()
    emit(entry, 'opened', { connectorId: entry.id })
  }

  /** @param {Entry} entry */
  function close(entry) {
    const modal = entry.modal
    entry.modal = null
    modal?.cleanup()
  }

  /**
   * @param {unknown} connectorId @param {'connect' | 'reconnect'} flow @param {unknown} options
   * @returns {ConnectorSDKConnector}
   */
  function upsert(connectorId, flow, options) {
    if (typeof connectorId !== 'string' || !ID.test(connectorId)) {
      throw new TypeError(`Quiltt: connectorId must match ${ID}; received ${typeof connectorId}.`)
    }
    const opts = isObject(options) ? options : {}
    if (flow === 'reconnect' && (typeof opts.connectionId !== 'string' || !opts.connectionId)) {
      throw new TypeError('Quiltt: reconnect() needs options.connectionId (a string).')
    }
    let entry = entries.get(connectorId)
    if (!entry) {
      const callbacks = registry()
      /** @type {Entry} */
      const created = /** @type {any} */ ({ id: connectorId, callbacks, modal: null })
      created.connector = { ...callbacks.api, open: () => open(created) }
      entry = created
      entries.set(connectorId, created)
    }
    entry.flow = flow
    entry.options = opts
    entry.optionCallbacks = optionRegistry(opts)
    return entry.connector
  }

  /** @param {string} connectorId */
  function resetConnector(connectorId) {
    const entry = entries.get(connectorId)
    if (!entry) return
    close(entry)
    entry.callbacks.clear()
    entry.optionCallbacks.clear()
    entries.delete(connectorId)
  }

  /** @type {ConnectorSDK} */
  const Quiltt = {
    ...globals.api,
    authenticate(value) {
      token = typeof value === 'string' && value ? value : null
    },
    connect: (connectorId, options) => upsert(connectorId, 'connect', options),
    reconnect: (connectorId, options) => upsert(connectorId, 'reconnect', options),
    resetConnector,
    reset() {
      for (const id of [...entries.keys()]) resetConnector(id)
      globals.clear()
      token = null
    },
  }
  Object.defineProperty(window, 'Quiltt', { value: Quiltt, configurable: true, writable: true })

  // Quiltt's markup, bound as Quiltt's connector.js binds it: a click on an element with
  // `quiltt-button` (or inside one) opens that Connector, Reconnect with `quiltt-connection`, else
  // Connect; `quiltt-institution`, `quiltt-theme-mode` and `quiltt-app-launcher-uri` are passed on.
  // One listener on the document, so elements added later count too. quiltt-embed leaves this
  // markup to connector.js whenever the page has it: two dialogs after one click is a double open.
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[quiltt-button]') : null
    const connectorId = target?.getAttribute('quiltt-button') ?? ''
    if (!target || !ID.test(connectorId)) return
    const attribute = (/** @type {string} */ name) =>
      target.getAttribute(`quiltt-${name}`) || undefined
    const connectionId = attribute('connection')
    const options = {
      institution: attribute('institution'),
      // Any string: connectorUrl() passes on only light, dark or auto.
      themeMode: /** @type {any} */ (attribute('theme-mode')),
      appLauncherUrl: attribute('app-launcher-uri'),
    }
    const connector = connectionId
      ? Quiltt.reconnect(connectorId, { ...options, connectionId })
      : Quiltt.connect(connectorId, options)
    connector.open()
  })
})()
