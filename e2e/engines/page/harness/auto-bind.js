// Declarative use: elements the scenarios add with data-quiltt-* markup, autoBind called from
// JavaScript, and the bubbling quiltt:* DOM events those elements receive.
;((kit) => {
  const { unique, makeToken, plain, dialog } = kit
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

  Object.assign(window.harness, {
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
    /** Adds `<tag id=... data-...>` to `parent` (default: the content) and returns its id. */
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
      return Boolean(kit.sdk.autoBind(root, { token: makeToken(), ...config }))
    },
    frameIn: (id) => {
      const frame = document.getElementById(id)?.querySelector('iframe')
      return frame ? new URL(frame.src).origin : null
    },
    dialogOrigin: () => {
      const frame = dialog()?.querySelector('iframe')
      return frame ? new URL(frame.src).origin : null
    },
  })
})(window.harnessKit)
