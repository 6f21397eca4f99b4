// What a long-lived host page accumulates, read through the DevTools protocol after a forced
// garbage collection: elements in the document, every live DOM node (detached ones too),
// event listeners on window and document (every world, not just the page's), and the heaps.

/**
 * @typedef {object} Snapshot
 * @property {number} nodes elements in the host document
 * @property {number} liveNodes DOM nodes alive after GC, in the document or detached but still
 *   referenced (Memory.getDOMCounters): a removed element something still holds counts here
 * @property {number} listeners event listeners on window + document
 * @property {number} messageListeners of which `message` listeners
 * @property {number} heap used JS (V8) heap in bytes
 * @property {number} domHeap used Blink (embedder) heap in bytes: DOM objects, animations…
 */

/**
 * Opens a CDP session on `page`; its `snapshot()` forces a GC and takes a {@link Snapshot}.
 * @param {import('playwright').Page} page
 * @returns {Promise<{ snapshot: () => Promise<Snapshot>, detach: () => Promise<void> }>}
 */
export async function openProbe(page) {
  const cdp = await page.context().newCDPSession(page)

  /** @param {string} expression */
  const listenersOf = async (expression) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'probe' })
    if (!result.objectId) throw new Error(`${expression} is not an object`)
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId,
    })
    return listeners
  }

  const collect = async () => {
    // Twice: the first pass may only queue finalizers (detached iframes, weak maps).
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
  }

  return {
    async snapshot() {
      const all = [...(await listenersOf('window')), ...(await listenersOf('document'))]
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'probe' })
      const nodes = await page.evaluate(() => document.getElementsByTagName('*').length)
      await collect()
      const { usedSize, embedderHeapUsedSize } = await cdp.send('Runtime.getHeapUsage')
      const counters = await cdp.send('Memory.getDOMCounters')
      return {
        nodes,
        liveNodes: counters.nodes,
        listeners: all.length,
        messageListeners: all.filter((listener) => listener.type === 'message').length,
        heap: usedSize,
        domHeap: embedderHeapUsedSize ?? 0,
      }
    },
    detach: () => cdp.detach(),
  }
}
