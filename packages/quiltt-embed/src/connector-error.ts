/**
 * Every failure code the SDK reports. Codes are public API: renaming one is a breaking change.
 */
export type ConnectorErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_CONNECTOR_ID'
  | 'INVALID_TOKEN'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_PROVIDER_FAILED'
  | 'LOAD_TIMEOUT'
  | 'SCRIPT_LOAD_FAILED'
  | 'DESTROYED'

/**
 * The one error class the SDK throws, rejects with and emits on `error`.
 * Messages say what was expected and what to do; they never contain a token or secret.
 *
 * @example
 * try { await connector.open() } catch (e) {
 *   if (e instanceof ConnectorError && e.code === 'TOKEN_EXPIRED') refreshSession()
 * }
 */
export class ConnectorError extends Error {
  override readonly name = 'ConnectorError'
  readonly code: ConnectorErrorCode

  constructor(code: ConnectorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}
