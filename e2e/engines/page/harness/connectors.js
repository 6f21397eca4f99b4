// Connectors the scenarios create on the puppet Connector: each one's events are recorded, and
// how its open() settled, so a scenario reads them back by connectorId.
;((kit) => {
  const { unique, makeToken, plain, frameOf } = kit
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

  Object.assign(window.harness, {
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
      const connector = kit.sdk.createConnector({
        connectorId,
        token: makeToken(),
        connectorUrl: `http://{connectorId}.localhost:${kit.puppetPort}`,
        container,
        ...(scriptUrl ? { transport: kit.sdk.scriptTransport, scriptUrl } : {}),
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
      await kit.waitFor(() => entry.outcome !== 'pending', `open() of ${connectorId}`)
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
      kit.opener().onclick = () => window.harness.open(connectorId)
    },
    destroy: (connectorId) => connectors.get(connectorId).connector.destroy(),
    hasFrame: (connectorId) => Boolean(frameOf(connectorId)),
  })
})(window.harnessKit)
