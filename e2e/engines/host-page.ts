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
  /**
   * Where the opener is (SPEC 6.1; page/harness/top-layer.js wires these up): `dialog`, in a
   * native <dialog> the page opens with showModal() from its "Account settings" button;
   * `pointer-events`, on a body with pointer-events: none (only the page's own parts set auto);
   * `shadow`, in the open shadow root of a custom element. Default: in the page's header.
   */
  layout?: 'header' | 'dialog' | 'pointer-events' | 'shadow'
}

const OPENER = '<button id="opener" type="button">Link your bank</button>'
const SAVE =
  '<p><button id="save" type="button">Save</button> <output id="saved">Saved 0</output></p>'

/** The header, with the opener where `layout` puts it, and anything the layout adds to body. */
function bodyParts(layout = 'header'): { header: string; extra: string } {
  if (layout === 'dialog') {
    const dialog = `<dialog id="page-dialog" aria-label="Account settings"><h2>Account settings</h2>${OPENER}${SAVE}</dialog>`
    return {
      header: '<button id="open-dialog" type="button">Account settings</button>',
      extra: dialog,
    }
  }
  if (layout === 'shadow')
    return { header: `<bank-link id="bank-link"></bank-link>${SAVE}`, extra: '' }
  return { header: layout === 'pointer-events' ? OPENER + SAVE : OPENER, extra: '' }
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
  'top-layer',
] as const

export function hostPage(
  { bundle = 'esm', csp = 'none', scriptTag, layout }: Record<string, string>,
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
  const { header, extra } = bodyParts(layout)
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title>
${scripts.join('\n')}
</head>
<body data-layout="${layout ?? 'header'}">
<header id="header"><h1>Host page</h1>${header}</header>
<main id="content"><p>Long content, so the page scrolls.</p><div id="tall"></div><a id="after" href="#after">After</a></main>
${extra}</body>
</html>
`
  return { html, csp: csp === 'none' ? '' : policy.join('; ') }
}
