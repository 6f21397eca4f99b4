/** What the page needs to know, from the server's GET /api/app. */
export interface AppSettings {
  signedIn: boolean
  connectorId: string
  /** A quiltt-sandbox for development; absent, the SDK uses Quiltt's own Connector. */
  connectorUrl?: string
}
