// What the React and Vue demo pages share: the page config from this app's server, the token
// provider that asks it for a session token, and the event log's entry format.
export interface DemoConfig {
  connectorId: string
  connectorUrl?: string
  scriptUrl?: string
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** GET /api/config: the Connector ID, and the sandbox's URLs in sandbox mode. */
export async function loadConfig(): Promise<DemoConfig> {
  const body: unknown = await (await fetch('/api/config')).json()
  if (!isRecord(body) || typeof body.connectorId !== 'string') {
    throw new Error('GET /api/config did not return { connectorId }')
  }
  const optional = (key: 'connectorUrl' | 'scriptUrl') =>
    typeof body[key] === 'string' ? { [key]: body[key] } : {}
  return { connectorId: body.connectorId, ...optional('connectorUrl'), ...optional('scriptUrl') }
}

/** One event log entry: its name and the JSON shown under it. */
export interface LogEntry {
  id: number
  name: string
  detail: string
}

let nextId = 0

/** A log entry for a connector event; errors show their name, code and message only. */
export function logEntry(name: string, args: unknown[]): LogEntry {
  const [first, second] = args
  const detail =
    name === 'navigate'
      ? { url: first, metadata: second }
      : first instanceof Error
        ? { name: first.name, code: (first as { code?: string }).code, message: first.message }
        : first
  return { id: nextId++, name, detail: JSON.stringify(detail, null, 2) }
}
