// Turns the measurements into SPEC §9 verdicts and the markdown tables `npm run bench` prints.
// SPEC §9's budgets come from budgets.mjs, and each of its rows says which one it judges (`key`,
// `limit`), so preconditions.mjs can check that every row judges against SPEC's number.
import { BUDGETS, KB, withinBudget } from './budgets.mjs'
import { OURS, OURS_IIFE, OURS_SCRIPT } from './entries.mjs'

/**
 * @typedef {{ figure: string, source: string, key?: string, limit?: number, value: string, budget: string, pass: boolean }} Budget
 * @param {any} results everything but `budgets`
 * @param {{ before: import('./probe.mjs').Snapshot, after: import('./probe.mjs').Snapshot, interval: [number, number] }} extra
 *   the snapshots around the cycles and the 95% interval of the iframe ratio: figures
 *   results.json has no key for
 * @returns {Budget[]}
 */
export function judge(results, { before, after, interval }) {
  const {
    sizes,
    bindings,
    openToLoad,
    scriptRequestsFor10: requests,
    cycles,
    preloadCycles,
  } = results
  const heapRatio = cycles.heapAfter / cycles.heapBefore
  const n = cycles.count
  const { preloaded } = openToLoad
  const m = preloadCycles.count
  /** A row judged against SPEC §9's budget `key`; `text` is how the budget reads. */
  const spec = (
    /** @type {keyof typeof BUDGETS} */ key,
    /** @type {string} */ figure,
    /** @type {number} */ measured,
    /** @type {string} */ value,
    /** @type {string} */ text,
  ) => {
    const budget = BUDGETS[key]
    return {
      figure,
      source: 'SPEC §9',
      key,
      limit: budget.limit,
      value,
      budget: text,
      pass: withinBudget(budget, measured),
    }
  }
  /** @param {number} limit bytes */
  const bytes = (limit) => `≤ ${limit} B (${(limit / KB).toFixed(1)} KB)`
  /** @type {[keyof typeof BUDGETS, string, string][]} budget, entry, what it is */
  const sizeRows = [
    [
      'createConnector',
      OURS,
      "import { createConnector } from 'quiltt-embed' (ESM, min+gzip, incl. nanoevents)",
    ],
    ['scriptTransport', OURS_SCRIPT, 'import { createConnector, scriptTransport } (ESM, min+gzip)'],
    ['iife', OURS_IIFE, 'quiltt-embed.min.js (everything, gzip)'],
  ]
  /** After ÷ before, where equal counts (0 → 0 included) are 1. */
  const growth = (/** @type {number} */ after, /** @type {number} */ before) =>
    after === before ? 1 : after / before
  /** @param {import('./session-load.mjs').SessionLoad} session */
  function sessionBudget(session) {
    return spec(
      'tokenRequests',
      `quiltt-session: Auth API token requests, ${session.users} users × ${session.requestsPerUser} concurrent requests over ${session.instances} instances (node:http) sharing one Redis`,
      session.tokenRequests,
      `${session.tokenRequests} (${session.errors} of ${session.requests} requests failed; warm request p50 ${session.warm.p50Ms} ms, p99 ${session.warm.p99Ms} ms)`,
      String(BUDGETS.tokenRequests.limit),
    )
  }

  return [
    ...sizeRows.map(([key, entry, figure]) =>
      spec(key, figure, sizes[entry].gzip, `${sizes[entry].gzip} B`, bytes(BUDGETS[key].limit)),
    ),
    ...Object.entries(bindings.added).map(([name, added]) =>
      spec(
        'binding',
        `${name}, every export, on top of \`import { createConnector }\` (min+gzip)`,
        added,
        `${added} B`,
        bytes(BUDGETS.binding.limit),
      ),
    ),
    spec(
      'openToLoad',
      'open→load, SDK ÷ bare iframe, same page, median',
      openToLoad.ratio,
      `${openToLoad.ratio.toFixed(3)} (${openToLoad.sdkMs} / ${openToLoad.bareMs} ms; 95% interval ${interval.join('–')})`,
      `≤ ${BUDGETS.openToLoad.limit.toFixed(2)}`,
    ),
    spec(
      'preloaded',
      'after preload(): open→load ÷ cold open→load, same page, median',
      preloaded.ratio,
      `${preloaded.ratio} (${preloaded.preloadedMs} / ${preloaded.coldMs} ms; 95% interval ${preloaded.interval.join('–')})`,
      `≤ ${BUDGETS.preloaded.limit.toFixed(2)}`,
    ),
    spec(
      'cycles',
      `${n} create/open/destroy cycles: DOM nodes after ÷ before`,
      growth(cycles.nodesAfter, cycles.nodesBefore),
      `${(cycles.nodesAfter / cycles.nodesBefore).toFixed(2)} (${cycles.nodesBefore} → ${cycles.nodesAfter})`,
      BUDGETS.cycles.limit.toFixed(2),
    ),
    spec(
      'cycles',
      `${n} cycles: \`message\` listeners on window + document, after vs before`,
      growth(after.messageListeners, before.messageListeners),
      `${before.messageListeners} → ${after.messageListeners}`,
      `equal (${BUDGETS.cycles.limit.toFixed(2)})`,
    ),
    spec(
      'cycles',
      `${m} preload/open/destroy cycles: DOM nodes after ÷ before`,
      growth(preloadCycles.nodesAfter, preloadCycles.nodesBefore),
      `${(preloadCycles.nodesAfter / preloadCycles.nodesBefore).toFixed(2)} (${preloadCycles.nodesBefore} → ${preloadCycles.nodesAfter})`,
      BUDGETS.cycles.limit.toFixed(2),
    ),
    spec(
      'cycles',
      `${m} preload/open/destroy cycles: \`message\` listeners on window + document, after vs before`,
      growth(preloadCycles.messageListenersAfter, preloadCycles.messageListenersBefore),
      `${preloadCycles.messageListenersBefore} → ${preloadCycles.messageListenersAfter}`,
      `equal (${BUDGETS.cycles.limit.toFixed(2)})`,
    ),
    spec(
      'scriptRequests',
      '`connector.js` requests for 10 connectors on one page',
      requests,
      String(requests),
      String(BUDGETS.scriptRequests.limit),
    ),
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

### Size: the same job in each SDK (esbuild, browser, ESM, minified; React and Vue external)

${table(
  ['entry', 'min', 'gzip -9', 'brotli', '× ours (gzip)', 'remote script at run time'],
  Object.entries(sizes).map(([label, size]) =>
    size.unavailable
      ? [label, size.unavailable, '—', '—', '—', size.remoteScript ? 'yes' : 'no']
      : [
          label,
          kb(size.min),
          kb(size.gzip),
          kb(size.brotli),
          size.ratio.toFixed(2),
          size.remoteScript ? 'yes' : 'no',
        ],
  ),
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
