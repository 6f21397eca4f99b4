// Turns the measurements into SPEC §9 verdicts and the markdown tables `npm run bench` prints.
import { OURS, OURS_IIFE, OURS_SCRIPT } from './entries.mjs'

const KB = 1000 // as size-limit counts (bytes-iec): "3 KB" is 3,000 bytes

/**
 * @typedef {{ figure: string, source: string, value: string, budget: string, pass: boolean }} Budget
 * @param {any} results everything but `budgets`
 * @param {{ before: import('./probe.mjs').Snapshot, after: import('./probe.mjs').Snapshot, interval: [number, number] }} extra
 *   the snapshots around the cycles and the 95% interval of the iframe ratio: figures
 *   results.json has no key for
 * @returns {Budget[]}
 */
export function judge(results, { before, after, interval }) {
  const { sizes, openToLoad, scriptRequestsFor10: requests, cycles, preloadCycles } = results
  const heapRatio = cycles.heapAfter / cycles.heapBefore
  const n = cycles.count
  const { preloaded } = openToLoad
  /** @type {[string, string, number][]} entry, what it is, budget in KB */
  const sizeBudgets = [
    [OURS, "import { createConnector } from 'quiltt-embed' (ESM, min+gzip, incl. nanoevents)", 4.5],
    [OURS_SCRIPT, 'import { createConnector, scriptTransport } (ESM, min+gzip)', 5.3],
    [OURS_IIFE, 'quiltt-embed.min.js (everything, gzip)', 6.0],
  ]
  const m = preloadCycles.count
  return [
    ...sizeBudgets.map(([entry, figure, budget]) => ({
      figure,
      source: 'SPEC §9',
      value: `${sizes[entry].gzip} B`,
      budget: `≤ ${budget * KB} B (${budget.toFixed(1)} KB)`,
      pass: sizes[entry].gzip <= budget * KB,
    })),
    {
      figure: 'open→load, SDK ÷ bare iframe, same page, median',
      source: 'SPEC §9',
      value: `${openToLoad.ratio.toFixed(3)} (${openToLoad.sdkMs} / ${openToLoad.bareMs} ms; 95% interval ${interval.join('–')})`,
      budget: '≤ 1.10',
      pass: openToLoad.ratio <= 1.1,
    },
    {
      figure: 'after preload(): open→load ÷ cold open→load, same page, median',
      source: 'SPEC §9',
      value: `${preloaded.ratio} (${preloaded.preloadedMs} / ${preloaded.coldMs} ms; 95% interval ${preloaded.interval.join('–')})`,
      budget: '≤ 0.10',
      pass: preloaded.ratio <= 0.1,
    },
    {
      figure: `${n} create/open/destroy cycles: DOM nodes after ÷ before`,
      source: 'SPEC §9',
      value: `${(cycles.nodesAfter / cycles.nodesBefore).toFixed(2)} (${cycles.nodesBefore} → ${cycles.nodesAfter})`,
      budget: '1.00',
      pass: cycles.nodesAfter === cycles.nodesBefore,
    },
    {
      figure: `${n} cycles: \`message\` listeners on window + document, after vs before`,
      source: 'SPEC §9',
      value: `${before.messageListeners} → ${after.messageListeners}`,
      budget: 'equal (1.00)',
      pass: after.messageListeners === before.messageListeners,
    },
    {
      figure: `${m} preload/open/destroy cycles: DOM nodes after ÷ before`,
      source: 'SPEC §9',
      value: `${(preloadCycles.nodesAfter / preloadCycles.nodesBefore).toFixed(2)} (${preloadCycles.nodesBefore} → ${preloadCycles.nodesAfter})`,
      budget: '1.00',
      pass: preloadCycles.nodesAfter === preloadCycles.nodesBefore,
    },
    {
      figure: `${m} preload/open/destroy cycles: \`message\` listeners on window + document, after vs before`,
      source: 'SPEC §9',
      value: `${preloadCycles.messageListenersBefore} → ${preloadCycles.messageListenersAfter}`,
      budget: 'equal (1.00)',
      pass: preloadCycles.messageListenersAfter === preloadCycles.messageListenersBefore,
    },
    {
      figure: '`connector.js` requests for 10 connectors on one page',
      source: 'SPEC §9',
      value: String(requests),
      budget: '1',
      pass: requests === 1,
    },
    {
      figure: `${n} cycles: all window + document listeners, after vs before`,
      source: 'issue 5',
      value: `${cycles.listenersBefore} → ${cycles.listenersAfter}`,
      budget: 'equal',
      pass: cycles.listenersAfter === cycles.listenersBefore,
    },
    {
      figure: `${n} cycles: live DOM nodes incl. detached ones still referenced (Memory.getDOMCounters)`,
      source: 'issue 5',
      value: `${before.liveNodes} → ${after.liveNodes}`,
      budget: 'equal',
      pass: after.liveNodes === before.liveNodes,
    },
    {
      figure: `${n} cycles: JS heap after forced GC, after ÷ before`,
      source: 'issue 5',
      value: `${heapRatio.toFixed(3)} (${cycles.heapBefore} → ${cycles.heapAfter} B)`,
      budget: '≤ 1.10',
      pass: heapRatio <= 1.1,
    },
    ...(results.session ? [sessionBudget(results.session)] : []),
  ]
}

/** @param {any} session results.session, from session-load.mjs */
function sessionBudget(session) {
  return {
    figure: `quiltt-session: Auth API token requests, ${session.users} users × ${session.requestsPerUser} concurrent requests over ${session.instances} instances sharing one Redis`,
    source: 'SPEC §9',
    value: `${session.tokenRequests} (${session.errors} errors; warm handler p50 ${session.warm.p50Ms} ms, p99 ${session.warm.p99Ms} ms)`,
    budget: `${session.users}, 0 errors`,
    pass: session.tokenRequests === session.users && session.errors === 0,
  }
}

/** @param {string[]} head @param {(string | number)[][]} rows */
function table(head, rows) {
  const line = (/** @type {(string | number)[]} */ cells) => `| ${cells.join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}

const kb = (/** @type {number} */ bytes) => `${(bytes / KB).toFixed(2)} KB`

/**
 * @param {any} results the object written to bench/results.json
 * @param {object} extra what the report shows beyond results.json
 * @param {number} extra.runs @param {number} extra.warmup
 * @param {{ iframe: [number, number], script: [number, number] }} extra.intervals 95% intervals of the ratios
 * @param {string} extra.cycleNote what the cycles were
 * @param {{ before: import('./probe.mjs').Snapshot, after: import('./probe.mjs').Snapshot }} extra.probes
 * @param {string[]} extra.notes
 */
export function formatReport(results, { runs, warmup, intervals, cycleNote, probes, notes }) {
  const { sizes, openToLoad, cycles, preloadCycles: pc, budgets } = results
  const { preloaded } = openToLoad
  const failed = budgets.filter((/** @type {Budget} */ budget) => !budget.pass)
  return `## quiltt-embed bench — ${results.date}

Node ${results.node}, Chromium ${results.chromium}. Rerun: \`npm run bench\`.

### Budgets

${table(
  ['figure', 'source', 'measured', 'budget', 'result'],
  budgets.map((/** @type {Budget} */ b) => [
    b.figure,
    b.source,
    b.value,
    b.budget,
    b.pass ? 'PASS' : '**FAIL**',
  ]),
)}

### Size: the same job in each SDK (esbuild, browser, ESM, minified; React external)

${table(
  ['entry', 'min', 'gzip -9', 'brotli', '× ours (gzip)', 'remote script at run time'],
  Object.entries(sizes).map(([label, size]) => [
    label,
    kb(size.min),
    kb(size.gzip),
    kb(size.brotli),
    size.ratio.toFixed(2),
    size.remoteScript ? 'yes' : 'no',
  ]),
)}

### Speed: open → Load against the sandbox (median of ${runs} alternating runs each, ${warmup} warm-ups discarded)

${table(
  ['transport', 'quiltt-embed', 'by hand', 'ratio', '95% interval of the ratio'],
  [
    [
      'iframe (inline)',
      `${openToLoad.sdkMs} ms`,
      `${openToLoad.bareMs} ms`,
      openToLoad.ratio.toFixed(3),
      intervals.iframe.join(' – '),
    ],
    [
      'script (connector.js)',
      `${openToLoad.script.sdkMs} ms`,
      `${openToLoad.script.bareMs} ms`,
      openToLoad.script.ratio.toFixed(3),
      intervals.script.join(' – '),
    ],
  ],
)}

After \`preload()\`, inline, iframe transport: \`open()\` → \`load\` of the prepared Connector against
\`open()\` → \`load\` of the same connector opened cold (token in hand, Connector not loaded), alternating:

${table(
  ['', 'after preload()', 'cold', 'ratio', '95% interval of the ratio'],
  [
    [
      'open() → load',
      `${preloaded.preloadedMs} ms`,
      `${preloaded.coldMs} ms`,
      preloaded.ratio,
      preloaded.interval.join(' – '),
    ],
  ],
)}

### Scale

- \`connector.js\` requests for 10 script-transport connectors opened together: **${results.scriptRequestsFor10}**
- ${cycles.count} cycles (${cycleNote}):

${table(
  ['', 'before', 'after'],
  [
    ['elements in the document', cycles.nodesBefore, cycles.nodesAfter],
    ['live DOM nodes (incl. detached)', probes.before.liveNodes, probes.after.liveNodes],
    ['window + document listeners', cycles.listenersBefore, cycles.listenersAfter],
    ['of which `message`', probes.before.messageListeners, probes.after.messageListeners],
    ['JS heap after GC', `${cycles.heapBefore} B`, `${cycles.heapAfter} B`],
    ['Blink (DOM) heap after GC', `${probes.before.domHeap} B`, `${probes.after.domHeap} B`],
  ],
)}

- ${pc.count} preload/open/destroy cycles (modal and inline in turn, each waiting for the hidden
  Connector's Load; ${(pc.ms / 1000).toFixed(1)} s):

${table(
  ['', 'before', 'after'],
  [
    ['elements in the document', pc.nodesBefore, pc.nodesAfter],
    ['live DOM nodes (incl. detached)', pc.liveNodesBefore, pc.liveNodesAfter],
    ['window + document listeners', pc.listenersBefore, pc.listenersAfter],
    ['of which `message`', pc.messageListenersBefore, pc.messageListenersAfter],
    ['JS heap after GC', `${pc.heapBefore} B`, `${pc.heapAfter} B`],
  ],
)}

${notes.map((note) => `- ${note}`).join('\n')}

${failed.length ? `**${failed.length} budget(s) FAILED:**\n${failed.map((/** @type {Budget} */ b) => `- ${b.figure}: ${b.value} (budget ${b.budget})`).join('\n')}` : 'All budgets pass.'}
`
}
