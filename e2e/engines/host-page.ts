// The host page's HTML and Content-Security-Policy. Every variant has only external scripts, so
// the strict variants hold without 'unsafe-inline'.

export interface PageOptions {
  /** Which built bundle the page loads: the ESM build or the script-tag IIFE. */
  bundle?: 'esm' | 'iife'
  /**
   * `none`: no CSP; `strict`: script-src 'self' + the connector.js host, no inline anything;
   * `trusted-types`: strict plus `require-trusted-types-for 'script'` allowing only `quiltt-embed`;
   * `no-trusted-types`: strict, on a page where the engine's `trustedTypes` is taken away first
   * (as in an engine without Trusted Types).
   */
  csp?: 'none' | 'strict' | 'trusted-types' | 'no-trusted-types'
  /** IIFE only: configure autoBind on the SDK's script tag (token URL, Connector URL, IDs). */
  scriptTag?: 'configured'
}

/**
 * The harness's pieces (page/harness/), in the order the page loads them: core first (it makes
 * `window.harness` and the shared kit), page-health before the SDK adds any listener.
 */
export const HARNESS = [
  'core',
  'page-health',
  'connectors',
  'puppet',
  'modal-view',
  'contrast',
  'auto-bind',
] as const

export function hostPage(
  { bundle = 'esm', csp = 'none', scriptTag }: Record<string, string>,
  ports: { puppet: number; script: number },
): { html: string; csp: string } {
  const frames = `http://*.localhost:${ports.puppet} http://*.localhost:${ports.script}`
  const policy = [
    "default-src 'none'",
    `script-src 'self' http://cdn.localhost:${ports.script}`,
    `frame-src ${frames}`,
    "connect-src 'self'",
    "img-src 'self'",
    "style-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    ...(csp === 'trusted-types'
      ? ["require-trusted-types-for 'script'", 'trusted-types quiltt-embed']
      : []),
  ]
  // The page author's autoBind configuration, as the script-tag build reads it.
  const sdkTag =
    scriptTag === 'configured'
      ? ` data-token-url="/session" data-connector-url="http://{connectorId}.localhost:${ports.puppet}"`
      : ''
  const scripts = [
    csp === 'no-trusted-types' ? '/no-trusted-types.js' : '',
    ...HARNESS.map((name) => `/harness/${name}.js`),
    bundle === 'iife' ? '/sdk/quiltt-embed.min.js' : '',
    bundle === 'iife' ? '/boot-iife.js' : '',
  ]
    .filter(Boolean)
    .map((src) => `<script src="${src}"${src.startsWith('/sdk/') ? sdkTag : ''}></script>`)
  if (bundle === 'esm') scripts.push('<script type="module" src="/boot-esm.js"></script>')
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title>
${scripts.join('\n')}
</head>
<body>
<header id="header"><h1>Host page</h1><button id="opener" type="button">Link your bank</button></header>
<main id="content"><p>Long content, so the page scrolls.</p><div id="tall"></div><a id="after" href="#after">After</a></main>
</body>
</html>
`
  return { html, csp: csp === 'none' ? '' : policy.join('; ') }
}
