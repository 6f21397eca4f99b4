// The fenced code blocks of a README, with the `<!-- sample: PATH -->` marker that may precede
// each, and which of them must be checked samples: in a package README, every block that calls
// `createSessions(`, a handler (`handler(`, `nodeHandler(`), `createConnector(` or a binding is
// code a user copies, so it must be the file a test runs.

const MARKER = /^<!-- sample: ([^\s#]+)(?:#([\w-]+))? -->$/
/** Calls that make a block a sample: the APIs users copy into their apps. */
const SAMPLE_CALLS =
  /\bcreateSessions\(|[hH]andler\(|\bcreateConnector\(|\buseQuilttConnector\(|<Quiltt(Button|Container|TokenProvider)\b|<quiltt-(button|container|token-provider)\b/

/** Removes the indentation every non-blank line shares. */
export function dedent(lines) {
  const widths = lines.filter((line) => line.trim()).map((line) => line.match(/^ */)[0].length)
  const cut = widths.length ? Math.min(...widths) : 0
  return lines.map((line) => line.slice(cut))
}

/**
 * Every fenced block of `text`: its 1-based line, its body, and the marker right above it (blank
 * lines between them allowed), if any: `{ line, body, marker?: { line, path, region? } }`.
 */
export function codeBlocks(text) {
  const lines = text.split('\n')
  const blocks = []
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)(`{3,}|~{3,})/.exec(lines[i])
    if (!fence) continue
    let close = lines.findIndex((line, j) => j > i && line.trim() === fence[2])
    if (close < 0) close = lines.length
    let above = i - 1
    while (above >= 0 && !lines[above].trim()) above--
    const match = above >= 0 ? MARKER.exec(lines[above].trim()) : null
    blocks.push({
      line: i + 1,
      body: dedent(lines.slice(i + 1, close)).join('\n'),
      ...(match ? { marker: { line: above + 1, path: match[1], region: match[2] } } : {}),
    })
    i = close
  }
  return blocks
}

/** Markers that no code block follows (a typo, or a block moved away). */
export function strayMarkers(text) {
  const lines = text.split('\n')
  const used = new Set(codeBlocks(text).map((block) => block.marker?.line))
  const stray = []
  lines.forEach((line, i) => {
    if (MARKER.test(line.trim()) && !used.has(i + 1)) stray.push(i + 1)
  })
  return stray
}

/** Whether a block's code calls one of the APIs whose samples must be checked. */
export const needsSample = (body) => SAMPLE_CALLS.test(body)
