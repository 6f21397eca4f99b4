import { isRecord, own } from './is-record'

/** The message types the Connector posts to its parent. */
export type QuilttMessageType = 'Load' | 'ExitSuccess' | 'ExitAbort' | 'ExitError' | 'Navigate'

/** A Connector message that passed every check; carries only known, well-typed fields. */
export interface QuilttMessage {
  type: QuilttMessageType
  profileId?: string
  connectionId?: string
  connectorSession?: { id: string }
  url?: string
}

const TYPES: ReadonlySet<string> = new Set([
  'Load',
  'ExitSuccess',
  'ExitAbort',
  'ExitError',
  'Navigate',
])
const MAX_URL_LENGTH = 8192

/** Absent fields may arrive as `undefined` or `null`; anything else must have the right type. */
function optionalString(record: Record<string, unknown>, key: string): string | null | undefined {
  const value = own(record, key)
  if (value === undefined || value === null) return undefined
  return typeof value === 'string' ? value : null
}

function isHttpsUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return false
  try {
    return new URL(value).protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * Parses untrusted `postMessage` data into a {@link QuilttMessage}, or `undefined` when it is not
 * one. Never throws; the result is built field by field, so nothing else from `data` survives.
 */
export function parseMessage(data: unknown): QuilttMessage | undefined {
  if (!isRecord(data) || own(data, 'source') !== 'quiltt') return undefined
  const type = own(data, 'type')
  if (typeof type !== 'string' || !TYPES.has(type)) return undefined
  const message: QuilttMessage = { type: type as QuilttMessageType }

  for (const key of ['profileId', 'connectionId'] as const) {
    const value = optionalString(data, key)
    if (value === null) return undefined
    if (value !== undefined) message[key] = value
  }

  const session = own(data, 'connectorSession')
  if (session !== undefined && session !== null) {
    const id = isRecord(session) ? own(session, 'id') : undefined
    if (typeof id !== 'string') return undefined
    message.connectorSession = { id }
  }

  if (type === 'Navigate') {
    const url = own(data, 'url')
    if (!isHttpsUrl(url)) return undefined
    message.url = url
  }
  return message
}
