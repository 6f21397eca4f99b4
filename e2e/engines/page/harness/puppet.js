// Plays the Connector through the puppet frame (packages/quiltt-embed/test/fixtures/puppet.js):
// it posts what a scenario tells it to, a round trip proves everything before has been handled,
// and a frame can be sent to another origin. Also the page's own (foreign) frames on a
// Connector's origin, and what the connector's frame has loaded.
;((kit) => {
  const { messages, unique, originOf, waitFor, frameOf, dialog } = kit
  /** The page's own iframes (not the SDK's), by key. */
  const foreign = new Map()

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

  Object.assign(window.harness, {
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
    /**
     * The modal's Connector frame posts `data` (for connectors autoBind made). No round trip: an
     * exit takes the frame away, so callers wait for its events instead.
     */
    postFromDialog(data) {
      dialog().querySelector('iframe').contentWindow.postMessage({ fixture: 'post', data }, '*')
    },
    sync: (connectorId) => sync(windowOf(connectorId)),
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
  })
})(window.harnessKit)
