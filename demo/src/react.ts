// The React page: quiltt-embed-react's QuilttButton (modal, reconnect) and QuilttContainer
// (inline) under one QuilttTokenProvider, with a log of every event.

import { QuilttButton, QuilttContainer, QuilttTokenProvider } from 'quiltt-embed-react'
import { createElement as h, StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { type DemoConfig, type LogEntry, loadConfig, logEntry } from './demo-config'

// A plain object, so the binding sees one source across renders; the server knows who is signed in.
const sessionUrl = { url: '/api/quiltt/session' }

const EVENTS = ['open', 'load', 'exitSuccess', 'exitAbort', 'exitError', 'navigate', 'error']

function App({ config }: { config: DemoConfig }) {
  const [log, setLog] = useState<LogEntry[]>([])
  const [inline, setInline] = useState(false)
  const [connectionId, setConnectionId] = useState<string>()
  const options = {
    connectorId: config.connectorId,
    connectorUrl: config.connectorUrl,
    scriptUrl: config.scriptUrl,
    onExitSuccess: (metadata: { connectionId?: string }) => {
      if (metadata.connectionId) setConnectionId(metadata.connectionId)
    },
  }
  // Every event goes to the log, in order.
  const logged: Record<string, (...args: unknown[]) => void> = {}
  for (const name of EVENTS) {
    logged[`on${name[0]!.toUpperCase()}${name.slice(1)}`] = (...args) => {
      setLog((entries) => [...entries, logEntry(name, args)])
      if (name === 'exitSuccess') options.onExitSuccess(args[0] as { connectionId?: string })
    }
  }
  const props = { ...options, ...logged }
  return h(
    QuilttTokenProvider,
    { token: sessionUrl },
    h(
      'section',
      { 'aria-labelledby': 'actions-heading' },
      h('h2', { id: 'actions-heading' }, 'Connect'),
      h(
        'div',
        { className: 'actions' },
        h(QuilttButton, props, 'Connect in a modal'),
        h('button', { type: 'button', onClick: () => setInline(true) }, 'Connect inline'),
        h(
          QuilttButton,
          { ...props, connectionId, disabled: !connectionId },
          'Reconnect last connection',
        ),
      ),
      h(
        'p',
        { id: 'last-connection', className: 'hint' },
        connectionId ? `Last connection: ${connectionId}` : 'No connection yet.',
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'inline-heading' },
      h('h2', { id: 'inline-heading' }, 'Inline Connector'),
      inline
        ? h(QuilttContainer, { ...props, id: 'inline-connector', className: 'inline-connector' })
        : h('div', { id: 'inline-connector', className: 'inline-connector' }),
    ),
    h(
      'section',
      { 'aria-labelledby': 'log-heading' },
      h('h2', { id: 'log-heading' }, 'Event log'),
      h('p', { className: 'hint' }, 'Every event the connector emits, newest last.'),
      h(
        'ol',
        { id: 'event-log', className: 'event-log', 'aria-live': 'polite' },
        log.map((entry) =>
          h(
            'li',
            { key: entry.id, 'data-event': entry.name },
            h('strong', { className: 'event-name' }, entry.name),
            h('pre', { className: 'event-detail' }, entry.detail),
          ),
        ),
      ),
    ),
  )
}

const root = document.getElementById('app')
if (!root) throw new Error('react.html lacks #app')
loadConfig()
  .then((config) => {
    createRoot(root).render(h(StrictMode, null, h(App, { config })))
    document.body.dataset.ready = 'true'
  })
  .catch((error: unknown) => {
    root.textContent = `The demo could not start: ${error instanceof Error ? error.message : String(error)}`
  })
