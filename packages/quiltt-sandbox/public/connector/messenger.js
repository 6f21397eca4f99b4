// @ts-check

/**
 * @typedef {'Load' | 'ExitSuccess' | 'ExitAbort' | 'ExitError' | 'Navigate'} MessageType
 * @typedef {{ connectionId?: string, url?: string }} MessageFields
 */

/**
 * Talks to the embedding page: `{ source: 'quiltt', type, ...fields }`, posted only to the exact
 * origin of `embed_location`. Without a valid origin nothing is posted (never to '*').
 * @param {{ parentOrigin: string | null, profileId?: string, connectorSession: { id: string } }} config
 */
export function createMessenger({ parentOrigin, profileId, connectorSession }) {
  const parent = window.parent !== window ? window.parent : null
  let exited = false
  /** @type {MessageFields} */
  const known = {}

  /** @param {MessageType} type @param {MessageFields} [fields] */
  function post(type, fields = {}) {
    if (!parent || !parentOrigin) return
    const message = {
      source: 'quiltt',
      type,
      ...(profileId ? { profileId } : {}),
      connectorSession: { id: connectorSession.id },
      ...known,
      ...fields,
    }
    parent.postMessage(message, parentOrigin)
  }

  return {
    post,
    /** Remembers a Connection ID so every later message carries it. @param {string} id */
    setConnectionId(id) {
      known.connectionId = id
    },
    /**
     * Posts the flow's one and only exit; later calls do nothing.
     * @param {'ExitSuccess' | 'ExitAbort' | 'ExitError'} type
     */
    exit(type) {
      if (exited) return
      exited = true
      post(type)
    },
  }
}
