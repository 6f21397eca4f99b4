// @ts-check
import { STATUS_CODES } from 'node:http'

/** @typedef {import('node:http').ServerResponse} Res */

// The Connector's own pages run no inline code, so the policy can forbid it outright and
// require Trusted Types: any accidental `innerHTML` in the app fails loudly in tests.
const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  // Any site may embed the Connector, as with Quiltt's hosted one.
  'frame-ancestors *',
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ')
// The OAuth window must never be framed (clickjacking of the "Authorize" button).
const OAUTH_CSP = APP_CSP.replace('frame-ancestors *', "frame-ancestors 'none'")

/** Headers for static Connector assets. */
export const ASSET_HEADERS = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/**
 * @param {Res} res
 * @param {number} status
 * @param {string} html
 * @param {'app' | 'oauth'} kind
 */
export function sendHtml(res, status, html, kind = 'app') {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': kind === 'app' ? APP_CSP : OAUTH_CSP,
    // Connector URLs carry the session token: never cache them, never leak them as a referrer.
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(html)
}

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * JSON that is safe inside `<script type="application/json">`: no `</script>`, no `<!--`,
 * no line separators that older parsers choke on.
 * @param {unknown} value
 */
export function jsonForScript(value) {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** The color schemes Quiltt's Connector takes as `theme_mode`; others are ignored. */
const THEMES = ['light', 'dark', 'auto']

/**
 * @param {string} title @param {string} head @param {string} body
 * @param {unknown} [theme] `theme_mode`: app.css paints light, dark, or by prefers-color-scheme
 */
function layout(title, head, body, theme) {
  const attribute = THEMES.includes(/** @type {string} */ (theme)) ? ` data-theme="${theme}"` : ''
  return `<!doctype html>
<html lang="en"${attribute}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app.css">
${head}
</head>
<body>
${body}
</body>
</html>
`
}

/**
 * The Connector app shell. Per-request data travels in a JSON data block, which the strict CSP
 * allows because it is never executed.
 * @param {Record<string, unknown>} data
 */
export function renderAppPage(data) {
  return layout(
    'Quiltt Connector (sandbox)',
    `<script type="application/json" id="quiltt-connector-data">${jsonForScript(data)}</script>
<script type="module" src="/app.js"></script>`,
    '<main id="app" class="connector"></main>',
    data.themeMode,
  )
}

/** @param {{ state: string, code: string }} params */
export function renderAuthorizePage({ state, code }) {
  return layout(
    'OAuth Bank – Authorize (sandbox)',
    '',
    `<main class="connector">
<h1>OAuth Bank</h1>
<p>Quiltt Sandbox is asking to read your OAuth Bank accounts.</p>
<form method="get" action="/oauth/callback">
<input type="hidden" name="code" value="${escapeHtml(code)}">
<input type="hidden" name="state" value="${escapeHtml(state)}">
<button type="submit" class="primary">Authorize</button>
</form>
</main>`,
  )
}

export function renderCallbackPage() {
  return layout(
    'OAuth Bank – Done (sandbox)',
    '<script type="module" src="/oauth-callback.js"></script>',
    `<main class="connector">
<h1>Authorization complete</h1>
<p id="callback-status">You can close this window.</p>
</main>`,
  )
}

/** @param {number} status */
export function renderStatusPage(status) {
  const text = STATUS_CODES[status] ?? 'Error'
  return layout(
    `${status} ${text}`,
    '',
    `<main class="connector"><h1>${status} ${escapeHtml(text)}</h1></main>`,
  )
}
