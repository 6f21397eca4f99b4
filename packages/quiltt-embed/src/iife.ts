// Entry of quiltt-embed.min.js, the script-tag build: the only module with side effects.
import { autoBind, ConnectorError, createConnector, version } from './index'

const QuilttEmbed = { createConnector, ConnectorError, autoBind, version }

declare global {
  interface Window {
    QuilttEmbed?: typeof QuilttEmbed
  }
}

window.QuilttEmbed = QuilttEmbed
// Bind the page's data-quiltt-* elements once the DOM is parsed (the tag may sit in <head>).
if (document.readyState === 'loading')
  document.addEventListener('DOMContentLoaded', () => autoBind())
else autoBind()
