import type { ConnectorError } from './connector-error'

/**
 * Reports an error nobody listens to, once, as the browser reports an unhandled error: one line,
 * `[quiltt-embed] CODE: message`. Never the Error object or its `cause`: error trackers and
 * session replay record the console, and a cause (a server's answer, a provider's exception) may
 * hold anything. Our messages never hold a token.
 */
export function reportUnheard(error: ConnectorError): void {
  // biome-ignore lint/suspicious/noConsole: the SDK's one console call; an unheard failure must not be silent.
  console.error(`[quiltt-embed] ${error.code}: ${error.message}`)
}
