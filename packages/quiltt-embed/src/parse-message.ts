import { MAX_URL_LENGTH } from './check-url'
import { field } from './is-record'
import type { QuilttMessage, QuilttMessageType } from './types'

/**
 * Parses untrusted `postMessage` data into a {@link QuilttMessage}, or `undefined` when it is not
 * one. Never throws. The result is built field by field from own properties, so nothing else
 * from `data` (an inherited or `__proto__` key) survives. Absent fields may be `undefined` or
 * `null`; present ones must have the right type, or the whole message is dropped.
 */
export function parseMessage(data: unknown): QuilttMessage | undefined {
  const type = field(data, 'type') as QuilttMessageType
  const session = field(data, 'connectorSession')
  const id = field(session, 'id')
  const url = field(data, 'url')
  const message: QuilttMessage = { type }
  if (
    field(data, 'source') !== 'quiltt' ||
    !['Load', 'ExitSuccess', 'ExitAbort', 'ExitError', 'Navigate'].includes(type) ||
    (session != null && typeof id !== 'string')
  )
    return
  for (const key of ['profileId', 'connectionId'] as const) {
    const value = field(data, key)
    if (value != null && typeof value !== 'string') return
    if (value != null) message[key] = value
  }
  if (session != null) message.connectorSession = { id: id as string }
  if (type === 'Navigate') {
    try {
      // A string only: a URL object (or anything with a toString) must not slip through. No user
      // name or password: `https://bank.example@evil.example/` reads as the bank but is not.
      if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return
      const { protocol, username, password } = new URL(url)
      if (protocol !== 'https:' || username || password) return
    } catch {
      return
    }
    message.url = url
  }
  return message
}
