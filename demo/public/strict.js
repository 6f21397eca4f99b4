// The strict-CSP page's script: one iframe-transport and one script-transport connector, both
// given the page's nonce (so connector.js may load), and a live log. DOM APIs only: Trusted Types
// are enforced and this page has no policy of its own.
const nonce = document.currentScript?.nonce ?? ''
const log = document.getElementById('event-log')
const EVENTS = ['open', 'load', 'exitSuccess', 'exitAbort', 'exitError', 'navigate']

/** @param {string} source @param {string} event @param {unknown} detail */
function record(source, event, detail) {
  const entry = document.createElement('li')
  entry.dataset.event = event
  entry.dataset.source = source
  const name = document.createElement('strong')
  name.className = 'event-name'
  name.textContent = event
  const from = document.createElement('span')
  from.className = 'event-source'
  from.textContent = ` from ${source}`
  const json = document.createElement('pre')
  json.className = 'event-detail'
  json.textContent = JSON.stringify(detail ?? null, null, 2)
  entry.append(name, from, json)
  log.append(entry)
}

const describeError = (error) => ({ name: error.name, code: error.code, message: error.message })

async function sessionToken() {
  const response = await fetch('/api/quiltt/session', {
    method: 'POST',
    credentials: 'same-origin',
  })
  if (!response.ok) throw new Error(`POST /api/quiltt/session answered ${response.status}`)
  const body = await response.json()
  return body.token
}

async function start() {
  const response = await fetch('/api/config')
  const config = await response.json()
  for (const transport of ['iframe', 'script']) {
    const connector = window.QuilttEmbed.createConnector({
      ...config,
      transport: transport === 'script' ? window.QuilttEmbed.scriptTransport : undefined,
      nonce,
      token: sessionToken,
    })
    for (const event of EVENTS) {
      connector.on(event, (...args) => record(transport, event, args.at(-1)))
    }
    connector.on('error', (error) => record(transport, 'error', describeError(error)))
    const button = document.getElementById(`open-${transport}`)
    // Errors are logged by the `error` listener; the rejection needs no second report.
    button.addEventListener('click', () => connector.open().catch(() => {}))
    button.disabled = false
  }
}

start().catch((error) => record('page', 'error', describeError(error)))
