// Runs in the host page (before the SDK): what the engine scenarios call through
// `driver.evaluate('harness.name(...)')`. It creates connectors on the puppet Connector, records
// their events and every message the page receives, plays the Connector through the puppet
// frame, and reads what the user would see. Waits are round trips or conditions, never sleeps.
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

  const EVENTS = [
    'event',
    'open',
    'load',
    'exit',
    'exitSuccess',
    'exitAbort',
    'exitError',
    'navigate',
  ]
  const connectors = new Map()
  const QUILTT_EVENTS = [
    'open',
    'load',
    'exit',
    'exit-success',
    'exit-abort',
    'exit-error',
    'navigate',
    'error',
  ]
  const quilttEvents = []
  let sdk
  let counter = 0
  let puppetPort = ''

  const unique = (prefix) => `${prefix}${Date.now().toString(36)}-${(counter++).toString(36)}`
  const base64url = (value) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  /** A well-formed session token (the SDK checks shape and exp, never the signature). */
  const makeToken = () => {
    const now = Math.floor(Date.now() / 1000)
    const claims = { iat: now, nbf: now, exp: now + 3600, jti: unique('j'), oid: 'p_engine' }
    return `${base64url({ alg: 'HS512', typ: 'JWT' })}.${base64url(claims)}.c2lnbmF0dXJl`
  }
  const originOf = (connectorId) => `http://${connectorId}.localhost:${puppetPort}`
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
  const windowOf = (target) => {
    const frame = typeof target === 'string' ? frameOf(target) : target
    if (!frame?.contentWindow) throw new Error(`no frame for ${target}`)
    return frame.contentWindow
  }
  const isEcho = (win, id) => (event) =>
    event.source === win && event.data?.fixture === 'received' && event.data.data?.id === id
  /** Round trip through a puppet window: everything it posted before has been handled. */
  const sync = async (win) => {
    const id = unique('ping')
    await waitFor(() => {
      if (messages.some(isEcho(win, id))) return true
      win.postMessage({ fixture: 'ping', id }, '*')
      return false
    }, 'the puppet to answer')
  }
  const plain = (value) => JSON.parse(JSON.stringify(value ?? null))
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
  const dialog = () => document.querySelector('[role="dialog"]')

  /** Counts window/document listeners added minus removed, by type, from the moment it is set. */
  const listeners = new Map()
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype
  const keyOf = (target, type, options) =>
    `${target === window ? 'window' : 'document'}:${type}:${
      typeof options === 'boolean' ? options : Boolean(options?.capture)
    }`
  const track = (method, delta) =>
    function (type, listener, options) {
      if ((this === window || this === document) && listener && tracking) {
        const key = keyOf(this, type, options)
        const set = listeners.get(key) ?? new Set()
        if (delta > 0) set.add(listener)
        else set.delete(listener)
        listeners.set(key, set)
      }
      return method.call(this, type, listener, options)
    }
  let tracking = false
  EventTarget.prototype.addEventListener = track(add, 1)
  EventTarget.prototype.removeEventListener = track(remove, -1)

  window.harness = {
    ready(api) {
      const tall = () => {
        document.getElementById('tall').style.height = '3000px'
        sdk = api
      }
      // The script-tag build runs in <head>, before the body is parsed.
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', tall)
      else tall()
    },
    async whenReady(port) {
      puppetPort = port
      await waitFor(() => sdk, 'the SDK bundle to load')
      return Object.keys(sdk).sort()
    },
    makeToken,
    unique,
    originOf,
    /** Creates a connector on the puppet; `inline` mounts it in a fresh container. */
    create({ prefix = 'c', inline = false, scriptUrl, ...options } = {}) {
      const connectorId = unique(prefix)
      let container
      if (inline) {
        container = document.createElement('div')
        container.id = `host-${connectorId}`
        document.getElementById('content').prepend(container)
      }
      const log = []
      const connector = sdk.createConnector({
        connectorId,
        token: makeToken(),
        connectorUrl: `http://{connectorId}.localhost:${puppetPort}`,
        container,
        ...(scriptUrl ? { transport: sdk.scriptTransport, scriptUrl } : {}),
        ...options,
      })
      for (const name of EVENTS)
        connector.on(name, (...args) => log.push([name, ...args.map(plain)]))
      connectors.set(connectorId, { connector, log, outcome: 'pending' })
      return connectorId
    },
    /** Starts open(); `opened(id)` says how it settled. */
    open(connectorId) {
      const entry = connectors.get(connectorId)
      entry.outcome = 'pending'
      entry.connector.open().then(
        () => {
          entry.outcome = 'resolved'
        },
        (error) => {
          entry.outcome = `rejected ${error?.code}`
        },
      )
    },
    /** preload() and wait for it to settle; resolves the outcome. */
    async preload(connectorId) {
      return connectors
        .get(connectorId)
        .connector.preload()
        .then(
          () => 'resolved',
          (error) => `rejected ${error?.code}`,
        )
    },
    /** Starts open() on each, in one task: none can see another's connector.js arrive first. */
    openAll(connectorIds) {
      for (const connectorId of connectorIds) window.harness.open(connectorId)
    },
    /** open() and wait for it to settle; resolves the outcome. */
    async openAndWait(connectorId) {
      window.harness.open(connectorId)
      const entry = connectors.get(connectorId)
      await waitFor(() => entry.outcome !== 'pending', `open() of ${connectorId}`)
      return entry.outcome
    },
    outcome: (connectorId) => connectors.get(connectorId).outcome,
    state: (connectorId) => connectors.get(connectorId).connector.state,
    log: (connectorId) => connectors.get(connectorId).log,
    names: (connectorId) =>
      connectors
        .get(connectorId)
        .log.map(([name, type]) => (name === 'event' ? `event:${type}` : name)),
    close: (connectorId) => connectors.get(connectorId).connector.close(),
    /** The page's opener button opens this connector (so a real click or Enter does it). */
    bindOpener(connectorId) {
      document.getElementById('opener').onclick = () => window.harness.open(connectorId)
    },
    destroy: (connectorId) => connectors.get(connectorId).connector.destroy(),
    hasFrame: (connectorId) => Boolean(frameOf(connectorId)),
    /** Waits until the puppet runs in the connector's frame (not the initial about:blank). */
    async live(connectorId) {
      const frame = await waitFor(() => frameOf(connectorId), `the frame of ${connectorId}`)
      await sync(frame.contentWindow)
    },
    /** The puppet in `target` (a connectorId, or `foreign:N` for a test frame) posts `data`. */
    async post(target, data, targetOrigin) {
      const win = windowOf(foreign.get(target) ?? target)
      win.postMessage({ fixture: 'post', data, ...(targetOrigin ? { targetOrigin } : {}) }, '*')
      await sync(win)
    },
    /** An iframe of the page's own (not the SDK's) on `connectorId`'s origin; returns its key. */
    async foreignFrame(connectorId) {
      const frame = document.createElement('iframe')
      frame.src = `${originOf(connectorId)}/?embed_location=${encodeURIComponent(location.origin + location.pathname)}`
      document.body.append(frame)
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }))
      await sync(frame.contentWindow)
      const key = `foreign:${foreign.size}`
      foreign.set(key, frame)
      return key
    },
    /** Sends the connector's own frame to a page on a fresh foreign origin; waits until it runs. */
    async navigateAway(connectorId) {
      const frame = frameOf(connectorId)
      const origin = originOf(unique('evil'))
      frame.contentWindow.postMessage(
        {
          fixture: 'navigate',
          url: `${origin}/?embed_location=${encodeURIComponent(location.origin + location.pathname)}`,
        },
        '*',
      )
      await waitFor(
        () =>
          messages.some((event) => event.origin === origin && event.source === frame.contentWindow),
        'the foreign page to load in the frame',
      )
      return origin
    },
    /** What has focus, as a user would name it. */
    active: () => nameOf(document.activeElement),
    focus(selector) {
      document.querySelector(selector).focus()
      return nameOf(document.activeElement)
    },
    dialog: () => {
      const element = dialog()
      return element
        ? {
            role: element.getAttribute('role'),
            modal: element.getAttribute('aria-modal'),
            label: element.getAttribute('aria-label'),
            inBody: element.parentElement === document.body,
          }
        : null
    },
    /** Geometry of the overlay, its panel, the close button and the Connector frame. */
    layout() {
      const overlay = dialog()
      const panel = overlay.firstElementChild
      const close = overlay.querySelector('button[aria-label="Close"]')
      return {
        viewport: { width: innerWidth, height: innerHeight },
        overlay: box(overlay),
        panel: box(panel),
        close: box(close),
        frame: box(overlay.querySelector('iframe')),
        radius: getComputedStyle(panel).borderTopLeftRadius,
        dim: getComputedStyle(overlay).backgroundColor,
      }
    },
    /**
     * The modal's rendered colours as WCAG contrast ratios, from getComputedStyle: close button
     * text on its background, loading text and focus ring on the panel; and the panel's luminance.
     */
    theme() {
      const luminance = (css) => {
        const [r, g, b, alpha = 1] = (css.match(/[\d.]+/g) ?? []).map(Number)
        if (alpha !== 1) throw new Error(`${css} is not opaque`)
        const linear = [r, g, b].map((channel) => {
          const c = channel / 255
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
        })
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
      }
      const ratio = (a, b) => {
        const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
        return Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100
      }
      const overlay = dialog()
      const css = (element) => getComputedStyle(element)
      const panel = css(overlay.firstElementChild).backgroundColor
      const close = css(overlay.querySelector('button'))
      const status = overlay.querySelector('[role="status"]')
      return {
        pageIsDark: matchMedia('(prefers-color-scheme: dark)').matches,
        panelLuminance: Math.round(luminance(panel) * 1000) / 1000,
        close: ratio(close.color, close.backgroundColor),
        loading: status ? ratio(css(status).color, panel) : null,
        focusRing: ratio(close.outlineColor, panel),
        iframeScheme: css(overlay.querySelector('iframe')).colorScheme,
      }
    },
    /** The loading indicator inside `holder` (the dialog, or the connector's container). */
    loading(connectorId) {
      const holder = dialog() ?? document.getElementById(`host-${connectorId}`)
      const status = holder?.querySelector('[role="status"]')
      const frame = frameOf(connectorId)
      return {
        status: status ? status.textContent : null,
        visible: status ? status.getBoundingClientRect().height > 0 : false,
        spinning: document.getAnimations().filter((a) => a.playState === 'running').length,
        frameOpacity: frame ? getComputedStyle(frame).opacity : null,
      }
    },
    /** What the modal does to the page behind it. */
    page() {
      const root = document.documentElement
      return {
        inert: ['header', 'content'].filter((id) => document.getElementById(id).inert),
        overflow: getComputedStyle(root).overflowY,
        styles: [root.style.cssText, document.body.style.cssText],
        content: box(document.getElementById('content')),
        header: box(document.getElementById('header')),
        scrollY,
        clientWidth: root.clientWidth,
      }
    },
    scrollTo(y) {
      scrollTo(0, y)
      return scrollY
    },
    /** Marks the connector's iframe element, to tell later whether it is still the same one. */
    markFrame(connectorId, mark) {
      frameOf(connectorId).dataset.mark = mark
    },
    frameMark: (connectorId) => frameOf(connectorId)?.dataset.mark ?? null,
    /** How many Loads the connector's frame has posted (each one is a page load of the puppet). */
    loads: (connectorId) =>
      messages.filter(
        (event) =>
          event.source === frameOf(connectorId)?.contentWindow && event.data?.type === 'Load',
      ).length,
    /** Is anything of this prepared connector visible, focusable or in the way of the page? */
    prepared(connectorId) {
      const frame = frameOf(connectorId)
      const hidden = frame.closest('[aria-hidden="true"]')
      return {
        visible: frame.checkVisibility({ visibilityProperty: true }),
        inert: Boolean(frame.closest('[inert]')),
        ariaHidden: Boolean(hidden),
        dialogShown: dialog()?.checkVisibility({ visibilityProperty: true }) ?? false,
      }
    },
    /** Records every bubbling quiltt:* DOM event that reaches the document. */
    listenQuiltt() {
      for (const name of QUILTT_EVENTS) {
        document.addEventListener(`quiltt:${name}`, (event) => {
          const { metadata, type, url, error } = event.detail ?? {}
          quilttEvents.push({
            name,
            target: event.target.id,
            bubbles: event.bubbles,
            detail: plain({ type, metadata, url, error: error && { code: error.code } }),
          })
        })
      }
    },
    quilttEvents: () => quilttEvents,
    /** Adds `<tag id=... data-...>` to `parent` (default: the body) and returns its id. */
    /** Styles an element through CSSOM (style attributes are blocked by the strict pages). */
    setStyle(id, property, value) {
      document.getElementById(id).style[property] = value
    },
    scrollIntoView(id) {
      document.getElementById(id).scrollIntoView()
    },
    /** Resolves after two rendering frames: IntersectionObserver has reported by then. */
    frames: () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    addElement(tag, attributes, parent = 'content') {
      const element = document.createElement(tag)
      element.id = unique(tag)
      element.textContent = `${tag} ${element.id}`
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
      ;(parent === 'body' ? document.body : document.getElementById(parent)).prepend(element)
      return element.id
    },
    /** autoBind(root, config) from JavaScript, with a fresh session token. */
    autoBind(rootId, config) {
      const root = document.getElementById(rootId)
      return Boolean(sdk.autoBind(root, { token: makeToken(), ...config }))
    },
    frameIn: (id) => {
      const frame = document.getElementById(id)?.querySelector('iframe')
      return frame ? new URL(frame.src).origin : null
    },
    dialogOrigin: () => {
      const frame = dialog()?.querySelector('iframe')
      return frame ? new URL(frame.src).origin : null
    },
    /**
     * The modal's Connector frame posts `data` (for connectors autoBind made). No round trip: an
     * exit takes the frame away, so callers wait for its events instead.
     */
    postFromDialog(data) {
      dialog().querySelector('iframe').contentWindow.postMessage({ fixture: 'post', data }, '*')
    },
    /**
     * Does this engine enforce Trusted Types here? A plain string must then be refused (which
     * the page reports as a violation: read `violations()` before).
     */
    trustedTypesEnforced() {
      try {
        document.createElement('script').src = '/not-loaded.js'
        return false
      } catch {
        return true
      }
    },
    startTracking() {
      listeners.clear()
      tracking = true
    },
    /** Window/document listeners still added since `startTracking()`, by type. */
    liveListeners() {
      const live = {}
      for (const [key, set] of listeners) if (set.size) live[key] = set.size
      return live
    },
    nodeCount: () => document.getElementsByTagName('*').length,
    elementsOutsidePage: () =>
      [...document.body.children]
        .filter((node) => !['header', 'content'].includes(node.id) && node.localName !== 'script')
        .map(nameOf),
    violations: () => violations.slice(),
    errors: () => errors.slice(),
    trustedTypes: () => typeof window.trustedTypes?.createPolicy === 'function',
    sync: (connectorId) => sync(windowOf(connectorId)),
    raf: () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  }
  const foreign = new Map()
})()
