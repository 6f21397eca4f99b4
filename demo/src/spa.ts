// The SPA integration: one ESM import, `token: { url }` pointing at this app's own session
// endpoint, and a log of every event. Each action creates a fresh connector and destroys the
// previous one.
import {
  type Connector,
  type ConnectorOptions,
  createConnector,
  scriptTransport,
} from 'quiltt-embed'

interface DemoConfig {
  connectorId: string
  connectorUrl?: string
  scriptUrl?: string
}

type Action = 'modal' | 'inline' | 'script' | 'reconnect'

const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id)
  if (!found) throw new Error(`spa.html lacks #${id}`)
  return found as T
}

const log = element<HTMLOListElement>('event-log')
const status = element<HTMLParagraphElement>('status')
const alertBox = element<HTMLParagraphElement>('alert')
const lastConnection = element<HTMLParagraphElement>('last-connection')
const preloadStatus = element<HTMLParagraphElement>('preload-status')
const buttons = {
  modal: element<HTMLButtonElement>('connect-modal'),
  inline: element<HTMLButtonElement>('connect-inline'),
  script: element<HTMLButtonElement>('connect-script'),
  reconnect: element<HTMLButtonElement>('reconnect'),
  preloaded: element<HTMLButtonElement>('connect-preloaded'),
  signOut: element<HTMLButtonElement>('sign-out'),
}

let active: Connector | undefined
let lastConnectionId: string | undefined

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function parseConfig(body: unknown): DemoConfig {
  if (!isRecord(body) || typeof body.connectorId !== 'string') {
    throw new Error('GET /api/config did not return { connectorId }')
  }
  const optional = (key: 'connectorUrl' | 'scriptUrl') =>
    typeof body[key] === 'string' ? { [key]: body[key] } : {}
  return { connectorId: body.connectorId, ...optional('connectorUrl'), ...optional('scriptUrl') }
}

function showAlert(message: string | undefined): void {
  alertBox.textContent = message ?? ''
  alertBox.hidden = message === undefined
}

function logEntry(name: string, detail: unknown): void {
  const entry = document.createElement('li')
  entry.dataset.event = name
  const title = document.createElement('strong')
  title.className = 'event-name'
  title.textContent = name
  const json = document.createElement('pre')
  json.className = 'event-detail'
  json.textContent = JSON.stringify(detail, null, 2)
  entry.append(title, json)
  log.append(entry)
}

/**
 * The SDK POSTs here (with the sign-in cookie) at every cold open: the server knows who is signed
 * in and caches their token, so asking per open costs no Auth API call.
 */
const TOKEN = { url: '/api/quiltt/session' }

function subscribe(connector: Connector): void {
  connector.on('open', (metadata) => logEntry('open', metadata))
  connector.on('load', (metadata) => {
    showAlert(undefined)
    logEntry('load', metadata)
  })
  connector.on('exitSuccess', (metadata) => {
    logEntry('exitSuccess', metadata)
    if (metadata.connectionId) rememberConnection(metadata.connectionId)
  })
  connector.on('exitAbort', (metadata) => logEntry('exitAbort', metadata))
  connector.on('exitError', (metadata) => logEntry('exitError', metadata))
  connector.on('navigate', (url, metadata) => logEntry('navigate', { url, metadata }))
  connector.on('error', (error) => {
    // A token endpoint's refusal (signed out, rate limited) names its status and code: show it.
    if (error.code === 'TOKEN_PROVIDER_FAILED') showAlert(error.message)
    logEntry('error', { name: error.name, code: error.code, message: error.message })
  })
}

function rememberConnection(connectionId: string): void {
  lastConnectionId = connectionId
  lastConnection.textContent = `Last connection: ${connectionId}`
  buttons.reconnect.disabled = false
}

function start(config: DemoConfig, action: Action): void {
  active?.destroy()
  status.textContent = ''
  const options: ConnectorOptions = {
    connectorId: config.connectorId,
    token: TOKEN,
    // Unset in Quiltt mode: `undefined` means the default (Quiltt's own hosts).
    connectorUrl: config.connectorUrl,
    scriptUrl: config.scriptUrl,
    ...(action === 'inline' ? { container: '#inline-connector' } : {}),
    ...(action === 'script' ? { transport: scriptTransport } : {}),
    ...(action === 'reconnect' && lastConnectionId ? { connectionId: lastConnectionId } : {}),
  }
  try {
    active = createConnector(options)
  } catch (error) {
    logEntry('error', error instanceof Error ? { name: error.name, message: error.message } : {})
    return
  }
  subscribe(active)
  // A failed open() is also emitted as `error`, which the log already shows.
  active.open().catch(() => undefined)
}

/**
 * The preload demo: one modal connector kept for the button. Hover or focus prepares it (at most
 * once until it is opened); the click shows it and reports how long after the click it was shown.
 */
function preloadOnHover(config: DemoConfig): void {
  let connector: Connector | undefined
  let prepared = false
  const ensure = () => {
    if (!connector) {
      connector = createConnector({
        connectorId: config.connectorId,
        token: TOKEN,
        connectorUrl: config.connectorUrl,
      })
      subscribe(connector)
    }
    return connector
  }
  const preload = () => {
    if (prepared || ensure().state === 'opening' || ensure().state === 'open') return
    prepared = true
    preloadStatus.textContent = 'Preparing the Connector…'
    ensure()
      .preload()
      .then(() => {
        preloadStatus.textContent = 'Prepared: the next click shows it at once.'
      })
      .catch((error: Error) => {
        prepared = false
        preloadStatus.textContent = `Preload failed (${error.message}); a click opens cold.`
      })
  }
  buttons.preloaded.addEventListener('pointerenter', preload)
  buttons.preloaded.addEventListener('focus', preload)
  buttons.preloaded.addEventListener('click', () => {
    const opened = ensure()
    const clicked = performance.now()
    const warm = prepared
    prepared = false
    const off = opened.on('load', () => {
      off()
      const ms = Math.round(performance.now() - clicked)
      preloadStatus.textContent = `Shown ${ms} ms after the click (${warm ? 'preloaded' : 'cold'}).`
    })
    opened.open().catch(() => undefined)
  })
}

async function signOut(): Promise<void> {
  active?.destroy()
  active = undefined
  const response = await fetch('/api/signout', { method: 'POST', credentials: 'same-origin' })
  const body: unknown = await response.json().catch(() => undefined)
  const revoked = isRecord(body) && body.revoked === true
  status.textContent = revoked
    ? 'Signed out: the session token was revoked. Sign in again on the demo home page to connect.'
    : 'Signed out. There was no session token to revoke.'
}

async function main(): Promise<void> {
  const config = parseConfig(await (await fetch('/api/config')).json())
  buttons.modal.addEventListener('click', () => start(config, 'modal'))
  buttons.inline.addEventListener('click', () => start(config, 'inline'))
  buttons.script.addEventListener('click', () => start(config, 'script'))
  buttons.reconnect.addEventListener('click', () => start(config, 'reconnect'))
  preloadOnHover(config)
  buttons.signOut.addEventListener('click', () => {
    signOut().catch(() => showAlert('Sign-out failed: the demo server could not be reached.'))
  })
  for (const button of [
    buttons.modal,
    buttons.inline,
    buttons.script,
    buttons.preloaded,
    buttons.signOut,
  ]) {
    button.disabled = false
  }
  document.body.dataset.ready = 'true'
}

main().catch((error: unknown) => {
  showAlert(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`)
})
