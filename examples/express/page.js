// The page, as HTML. Values come from the server's own configuration, and are escaped all the same.
const escapeHtml = (value) =>
  String(value).replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char],
  )

/**
 * @param {{ signedIn: boolean, connectorId: string, connectorUrl?: string | undefined }} page
 *   `connectorUrl` only for a quiltt-sandbox; unset, the SDK uses Quiltt's own Connector.
 */
export function renderPage({ signedIn, connectorId, connectorUrl }) {
  const sandbox = connectorUrl ? ` data-connector-url="${escapeHtml(connectorUrl)}"` : ''
  const action = signedIn
    ? `<button type="button" data-quiltt-button="${escapeHtml(connectorId)}">Connect your bank</button>`
    : '<form method="post" action="/sign-in"><button>Sign in</button></form>'
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Quiltt on Express</title>
    <link rel="icon" href="data:," />
    <script src="/app.js" defer></script>
    <script src="/quiltt-embed.min.js" data-token-url="/api/quiltt/session"${sandbox} defer></script>
  </head>
  <body>
    <main>
      <h1>Quiltt on Express</h1>
      ${action}
      <ul aria-label="Connections" id="connections"></ul>
    </main>
  </body>
</html>
`
}
