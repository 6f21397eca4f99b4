// Entry of quiltt-embed.min.js: the script-tag build. The only module with a side effect.
import { ConnectorError, createConnector, version } from './index'

const QuilttEmbed = { createConnector, ConnectorError, version }

declare global {
  interface Window {
    QuilttEmbed?: typeof QuilttEmbed
  }
}

window.QuilttEmbed = QuilttEmbed
