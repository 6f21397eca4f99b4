// The Vue page: quiltt-embed-vue's QuilttButton (modal, reconnect) and QuilttContainer (inline)
// under one QuilttTokenProvider, with a log of every event. Render functions, so the page needs
// no template compiler (and no 'unsafe-eval' in its security policy).
import { QuilttButton, QuilttContainer, QuilttTokenProvider } from 'quiltt-embed-vue'
import { createApp, defineComponent, h, ref } from 'vue'
import { type DemoConfig, type LogEntry, loadConfig, logEntry } from './demo-config'

// A plain object, so the binding sees one source across renders; the server knows who is signed in.
const sessionUrl = { url: '/api/quiltt/session' }

const EVENTS = ['open', 'load', 'exitSuccess', 'exitAbort', 'exitError', 'navigate', 'error']

const App = defineComponent<{ config: DemoConfig }>(
  (props) => {
    const log = ref<LogEntry[]>([])
    const inline = ref(false)
    const connectionId = ref<string>()
    // Every event goes to the log, in order: the listeners `@open`, `@exit-success`, … would bind.
    const listeners: Record<string, (...args: unknown[]) => void> = {}
    for (const name of EVENTS) {
      listeners[`on${name[0]!.toUpperCase()}${name.slice(1)}`] = (...args) => {
        log.value.push(logEntry(name, args))
        const metadata = args[0] as { connectionId?: string }
        if (name === 'exitSuccess' && metadata.connectionId) {
          connectionId.value = metadata.connectionId
        }
      }
    }
    return () => {
      const options = {
        connectorId: props.config.connectorId,
        connectorUrl: props.config.connectorUrl,
        scriptUrl: props.config.scriptUrl,
        ...listeners,
      }
      return h(QuilttTokenProvider, { token: sessionUrl }, () => [
        h('section', { 'aria-labelledby': 'actions-heading' }, [
          h('h2', { id: 'actions-heading' }, 'Connect'),
          h('div', { class: 'actions' }, [
            h(QuilttButton, options, () => 'Connect in a modal'),
            h('button', { type: 'button', onClick: () => (inline.value = true) }, 'Connect inline'),
            h(
              QuilttButton,
              { ...options, connectionId: connectionId.value, disabled: !connectionId.value },
              () => 'Reconnect last connection',
            ),
          ]),
          h(
            'p',
            { id: 'last-connection', class: 'hint' },
            connectionId.value ? `Last connection: ${connectionId.value}` : 'No connection yet.',
          ),
        ]),
        h('section', { 'aria-labelledby': 'inline-heading' }, [
          h('h2', { id: 'inline-heading' }, 'Inline Connector'),
          inline.value
            ? h(QuilttContainer, { ...options, id: 'inline-connector', class: 'inline-connector' })
            : h('div', { id: 'inline-connector', class: 'inline-connector' }),
        ]),
        h('section', { 'aria-labelledby': 'log-heading' }, [
          h('h2', { id: 'log-heading' }, 'Event log'),
          h('p', { class: 'hint' }, 'Every event the connector emits, newest last.'),
          h(
            'ol',
            { id: 'event-log', class: 'event-log', 'aria-live': 'polite' },
            log.value.map((entry) =>
              h('li', { key: entry.id, 'data-event': entry.name }, [
                h('strong', { class: 'event-name' }, entry.name),
                h('pre', { class: 'event-detail' }, entry.detail),
              ]),
            ),
          ),
        ]),
      ])
    }
  },
  { props: ['config'] },
)

const root = document.getElementById('app')
if (!root) throw new Error('vue.html lacks #app')
loadConfig()
  .then((config) => {
    createApp(App, { config }).mount(root)
    document.body.dataset.ready = 'true'
  })
  .catch((error: unknown) => {
    root.textContent = `The demo could not start: ${error instanceof Error ? error.message : String(error)}`
  })
