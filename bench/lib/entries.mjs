// The same job for every SDK: embed the bank-linking widget with a token and listen to its
// events. Each entry is bundled by sizes.mjs; `remoteScript` says whether the SDK also
// downloads vendor code at run time (bytes that the bundle size does not show).

/**
 * @typedef {object} Entry
 * @property {string} label
 * @property {string} [code] an ES module to bundle (React stays external)
 * @property {string} [file] a shipped file measured as is (no re-bundle)
 * @property {'repo' | 'cache'} [from] where imports resolve: the workspace or bench/.cache
 * @property {boolean} remoteScript
 * @property {string} note
 */

/** @type {Record<string, Entry>} */
export const entries = {
  'quiltt-embed (ESM import)': {
    from: 'repo',
    code: `import { createConnector } from 'quiltt-embed'
const connector = createConnector({ connectorId: 'abc123', token: window.quilttToken })
connector.on('exitSuccess', (metadata) => console.log(metadata.connectionId))
connector.open()`,
    remoteScript: false,
    note: 'iframe transport: no vendor script (the script transport loads connector.js)',
  },
  'quiltt-embed + scriptTransport (ESM import)': {
    from: 'repo',
    code: `import { createConnector, scriptTransport } from 'quiltt-embed'
const connector = createConnector({ connectorId: 'abc123', token: window.quilttToken, transport: scriptTransport })
connector.on('exitSuccess', (metadata) => console.log(metadata.connectionId))
connector.open()`,
    remoteScript: true,
    note: 'script transport: adds the connector.js loader; connector.js itself loads at run time',
  },
  'quiltt-embed.min.js (script tag)': {
    file: 'iife',
    remoteScript: false,
    note: 'the shipped IIFE, everything included',
  },
  '@quiltt/react (QuilttProvider + useQuilttConnector)': {
    from: 'cache',
    code: `import { createElement as h } from 'react'
import { createRoot } from 'react-dom/client'
import { QuilttProvider, useQuilttConnector } from '@quiltt/react'
function Link() {
  const { open } = useQuilttConnector('abc123', {
    onExitSuccess: (metadata) => console.log(metadata.connectionId),
  })
  return h('button', { onClick: open }, 'Link account')
}
createRoot(document.body).render(h(QuilttProvider, { token: window.quilttToken }, h(Link)))`,
    remoteScript: true,
    note: 'loads https://cdn.quiltt.io/v1/connector.js (useScript)',
  },
  '@quiltt/react (useQuilttConnector only)': {
    from: 'cache',
    code: `import { createElement as h } from 'react'
import { createRoot } from 'react-dom/client'
import { useQuilttConnector } from '@quiltt/react'
function Link() {
  const { open } = useQuilttConnector('abc123', {
    onExitSuccess: (metadata) => console.log(metadata.connectionId),
  })
  return h('button', { onClick: open }, 'Link account')
}
createRoot(document.body).render(h(Link))`,
    remoteScript: true,
    note: 'loads https://cdn.quiltt.io/v1/connector.js (useScript)',
  },
  'react-plaid-link (usePlaidLink)': {
    from: 'cache',
    code: `import { createElement as h } from 'react'
import { createRoot } from 'react-dom/client'
import { usePlaidLink } from 'react-plaid-link'
function Link() {
  const { open, ready } = usePlaidLink({
    token: window.linkToken,
    onSuccess: (publicToken, metadata) => console.log(publicToken, metadata),
    onEvent: (name, metadata) => console.log(name, metadata),
  })
  return h('button', { onClick: () => open(), disabled: !ready }, 'Link account')
}
createRoot(document.body).render(h(Link))`,
    remoteScript: true,
    note: 'loads https://cdn.plaid.com/link/v2/stable/link-initialize.js',
  },
  '@mxenabled/web-widget-sdk (ConnectWidget)': {
    from: 'cache',
    code: `import { ConnectWidget } from '@mxenabled/web-widget-sdk'
const widget = new ConnectWidget({
  container: '#mx',
  url: window.widgetUrl,
  onSuccess: (payload) => console.log(payload),
  onMessage: (message) => console.log(message),
})
window.unmountWidget = () => widget.unmount()`,
    remoteScript: false,
    note: 'iframe to the widget URL (no vendor script)',
  },
  '@stripe/stripe-js (loadStripe)': {
    from: 'cache',
    code: `import { loadStripe } from '@stripe/stripe-js'
loadStripe(window.publishableKey).then((stripe) =>
  stripe.collectFinancialConnectionsAccounts({ clientSecret: window.clientSecret }),
).then((result) => console.log(result.financialConnectionsSession))`,
    remoteScript: true,
    note: 'loader only: Stripe.js itself loads from https://js.stripe.com/endive/stripe.js (not counted)',
  },
}

/** The entry every ratio is taken against. */
export const OURS = 'quiltt-embed (ESM import)'
/** `import { createConnector, scriptTransport }`. */
export const OURS_SCRIPT = 'quiltt-embed + scriptTransport (ESM import)'
/** The shipped IIFE. */
export const OURS_IIFE = 'quiltt-embed.min.js (script tag)'
