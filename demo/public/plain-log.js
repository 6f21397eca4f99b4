// The plain page's only script besides the SDK: it renders the bubbling quiltt:* DOM events.
// Text goes in through textContent only, never innerHTML.
const EVENTS = [
  'quiltt:open',
  'quiltt:load',
  'quiltt:exit',
  'quiltt:exit-success',
  'quiltt:exit-abort',
  'quiltt:exit-error',
  'quiltt:navigate',
  'quiltt:error',
]

const log = document.getElementById('event-log')

// An Error's own fields are not enumerable, so JSON.stringify would show {}.
function describeError(error) {
  const cause = error.cause instanceof Error ? error.cause.message : undefined
  return { name: error.name, code: error.code, message: error.message, cause }
}

function describe(detail) {
  if (!detail || typeof detail !== 'object') return {}
  const { type, metadata, url, error } = detail
  return {
    ...(type === undefined ? {} : { type }),
    ...(metadata === undefined ? {} : { metadata }),
    ...(url === undefined ? {} : { url }),
    ...(error ? { error: describeError(error) } : {}),
  }
}

function showReconnectLink(connectionId) {
  const holder = document.getElementById('reconnect-link')
  const link = document.createElement('a')
  link.href = `/plain.html?connection=${encodeURIComponent(connectionId)}`
  link.textContent = `Reconnect connection ${connectionId}`
  holder.replaceChildren('Connected. ', link)
  holder.hidden = false
}

function record(event) {
  const detail = describe(event.detail)
  const source = event.target instanceof Element ? event.target.id : ''
  const entry = document.createElement('li')
  entry.dataset.event = event.type
  entry.dataset.source = source
  const name = document.createElement('strong')
  name.className = 'event-name'
  name.textContent = event.type
  const from = document.createElement('span')
  from.className = 'event-source'
  from.textContent = source ? ` from #${source}` : ''
  const json = document.createElement('pre')
  json.className = 'event-detail'
  json.textContent = JSON.stringify(detail, null, 2)
  entry.append(name, from, json)
  log.append(entry)

  const connectionId = detail.metadata?.connectionId
  if (event.type === 'quiltt:exit-success' && typeof connectionId === 'string') {
    showReconnectLink(connectionId)
  }
}

for (const type of EVENTS) document.addEventListener(type, record)
