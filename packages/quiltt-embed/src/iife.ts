// Entry of quiltt-embed.min.js, the script-tag build: the only module with side effects.
import type { AutoBindConfig } from './auto-bind'
import { currentScript, isLoading } from './dom'
import { autoBind, ConnectorError, createConnector, scriptTransport, version } from './index'

const QuilttEmbed = {
  createConnector,
  scriptTransport,
  ConnectorError,
  // Called with no configuration (a web component binding its shadow root), it uses this tag's.
  autoBind: (root?: ParentNode, own: AutoBindConfig = config) => autoBind(root, own),
  version,
}

declare global {
  interface Window {
    QuilttEmbed?: typeof QuilttEmbed
  }
}

/**
 * The page author's configuration: the attributes of this very script tag, read once, now, while
 * it runs. Document's own getter (dom.ts), because `document.currentScript` itself can be
 * clobbered by injected markup (`<img name="currentScript" data-token-url=…>`).
 */
function readScriptTag(): AutoBindConfig {
  const script = currentScript()
  const read = (name: string) =>
    (script instanceof HTMLScriptElement && script.getAttribute(`data-${name}`)) || undefined
  const url = read('token-url')
  return {
    token: url ? { url } : undefined,
    connectorUrl: read('connector-url'),
    scriptUrl: read('script-url'),
    connectorIds: read('connector-ids')?.split(/\s+/),
    // Space-separated host names, as connector IDs are.
    trustedHosts: read('trusted-hosts')?.match(/\S+/g) ?? undefined,
    themeMode: read('theme-mode') as AutoBindConfig['themeMode'],
    labels: {
      dialog: read('label-dialog'),
      close: read('label-close'),
      loading: read('label-loading'),
    },
  }
}

const config = readScriptTag()
window.QuilttEmbed = QuilttEmbed
// Bind the page's data-quiltt-* elements once the DOM is parsed (the tag may sit in <head>).
const bind = () => autoBind(document, config)
if (isLoading()) addEventListener('DOMContentLoaded', bind)
else bind()
