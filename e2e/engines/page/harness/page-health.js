// What the SDK leaves behind and what went wrong: window/document listeners added minus removed,
// element counts, CSP violations and errors the page saw, and the engine's Trusted Types.
;((kit) => {
  /** Counts window/document listeners added minus removed, by type, from the moment it is set. */
  const listeners = new Map()
  let tracking = false
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
  EventTarget.prototype.addEventListener = track(add, 1)
  EventTarget.prototype.removeEventListener = track(remove, -1)

  Object.assign(window.harness, {
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
        .map(kit.nameOf),
    violations: () => kit.violations.slice(),
    errors: () => kit.errors.slice(),
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
    trustedTypes: () => typeof window.trustedTypes?.createPolicy === 'function',
  })
})(window.harnessKit)
