// Host pages for the script-tag tests, one per path, each with the CSP it is about. Every script
// is external: no CSP here allows inline. `parent` (in the query) is the vitest page's origin,
// which the page's run-*.js script reports back to.
import { dataAttributes, escapeHtml, page } from './html'
import { sessionToken } from './session-token'

type HostPage = (query: URLSearchParams, port: number) => [string, object]

/** observe.js, the built SDK, then the page's own run script configured by `data`. */
const sdkAndRun = (run: string, data: Record<string, string>) =>
  '<script src="/fixtures/observe.js"></script>' +
  '<script src="/sdk/quiltt-embed.min.js"></script>' +
  `<script src="/fixtures/${run}"${dataAttributes(data)}></script>`

/**
 * `policies`: the Trusted Types policy names the page allows; `nonce`: the nonce its CSP allows
 * (then connector.js's origin is NOT in script-src, so only the nonce can let it run).
 */
const strictPage: HostPage = (query, port) => {
  const policies = query.get('policies')
  const nonce = query.get('nonce')
  const csp = [
    policies !== null && `require-trusted-types-for 'script'; trusted-types ${policies}`,
    nonce ? `script-src 'self' 'nonce-${nonce}'` : `script-src 'self' http://cdn.localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
  ]
    .filter(Boolean)
    .join('; ')
  return page(
    'Strict host page',
    csp,
    sdkAndRun('run-strict.js', {
      parent: query.get('parent') ?? '',
      token: sessionToken(),
      'script-url': query.get('scriptUrl') ?? '',
      nonce: query.get('useNonce') ?? '',
    }),
  )
}

/**
 * preload() then open() with the IIFE, iframe or script transport, under a CSP with no
 * 'unsafe-inline' anywhere (styles included) and Trusted Types allowing only quiltt-embed.
 */
const preloadPage: HostPage = (query, port) => {
  const csp = [
    "default-src 'self'",
    `script-src 'self' http://cdn.localhost:${port}`,
    `frame-src http://*.localhost:${port}`,
    "require-trusted-types-for 'script'",
    'trusted-types quiltt-embed',
  ].join('; ')
  return page(
    'Preload host page',
    csp,
    sdkAndRun('run-preload.js', {
      parent: query.get('parent') ?? '',
      token: sessionToken(),
      transport: query.get('transport') ?? 'iframe',
      'connector-id': query.get('connectorId') ?? '',
      'connector-url': `http://{connectorId}.localhost:${port}`,
      'script-url': query.get('scriptUrl') ?? '',
      early: query.get('early') ?? '',
    }),
  )
}

/** The auto-bind pages' CSP: Trusted Types allowing only quiltt-embed, frames from `*.localhost`. */
const autoBindCsp = (port: number) =>
  [
    "default-src 'self'",
    `frame-src http://*.localhost:${port}`,
    "require-trusted-types-for 'script'",
    'trusted-types quiltt-embed',
  ].join('; ')

/**
 * The SDK tag sits in <head> and carries the page author's configuration; the container below is
 * parsed later, so only autoBind on DOMContentLoaded can find it. Strict CSP and Trusted Types on
 * top. `clobber=1`: markup injected before the SDK tag (which then sits at the end of the body)
 * tries to pass itself off as `document.currentScript` and to configure the SDK.
 */
const iifePage: HostPage = (query, port) => {
  const parent = query.get('parent') ?? ''
  const csp = autoBindCsp(port)
  // The page author's theme and words, when the test asks for them (data-theme-mode, data-label-*).
  const look = Object.fromEntries(
    ['theme-mode', 'label-dialog', 'label-close', 'label-loading'].flatMap((name) => {
      const value = query.get(name)
      return value === null ? [] : [[name, value]]
    }),
  )
  const sdk = `<script src="/sdk/quiltt-embed.min.js"${dataAttributes({
    'token-url': '/api/session',
    'connector-url': `http://{connectorId}.localhost:${port}`,
    ...look,
  })}></script>`
  const tags = `<script src="/fixtures/observe.js"></script>${sdk}<script src="/fixtures/run-iife.js"${dataAttributes({ parent })}></script>`
  const markupTheme = query.get('markupTheme')
  const container = `<div id="inline"${dataAttributes({
    'quiltt-container': query.get('connectorId') ?? '',
    ...(markupTheme === null ? {} : { 'quiltt-theme-mode': markupTheme }),
  })}></div>`
  if (query.get('clobber')) {
    const injected = `<img name="currentScript"${dataAttributes({
      'token-url': '/api/evil-session',
      'connector-url': `http://evil.localhost:${port}`,
      parent,
    })}><form name="currentScript"></form>`
    return page('Script-tag host page', csp, '', injected + container + tags)
  }
  return page('Script-tag host page', csp, tags, container)
}

/**
 * The README's web component: its button is in a shadow root, which the script tag's own
 * autoBind(document) does not look into; the element binds it with autoBind(shadowRoot).
 */
const webComponentPage: HostPage = (query, port) => {
  const tags =
    `<script src="/sdk/quiltt-embed.min.js"${dataAttributes({
      'token-url': '/api/session',
      'connector-url': `http://{connectorId}.localhost:${port}`,
    })}></script>` +
    '<script src="/fixtures/link-bank.js"></script>' +
    `<script src="/fixtures/run-web-component.js"${dataAttributes({ parent: query.get('parent') ?? '' })}></script>`
  const element = `<link-bank connector-id="${escapeHtml(query.get('connectorId') ?? '')}"></link-bank>`
  return page('Web component host page', autoBindCsp(port), tags, element)
}

const HOST_PAGES = new Map<string, HostPage>([
  ['/pages/strict.html', strictPage],
  ['/pages/preload.html', preloadPage],
  ['/pages/iife.html', iifePage],
  ['/pages/web-component.html', webComponentPage],
])

/** The host page at `pathname` (its HTML and headers), or undefined if there is none. */
export function hostPage(
  pathname: string,
  query: URLSearchParams,
  port: number,
): [string, object] | undefined {
  return HOST_PAGES.get(pathname)?.(query, port)
}
