/// <reference types="vite/client" />
// (import.meta.env's types, as a Vite app has them.)
// The README's ESM quick start, as written; test/readme-quick-start.test.ts runs it against the
// page's token endpoint. `saveConnection` stands for the app's own code (the flow never exits here).
declare function saveConnection(connectionId: string | undefined): void

// #region esm
import { createConnector } from 'quiltt-embed'

const connector = createConnector({
  connectorId: 'abc123',
  connectorUrl: import.meta.env.VITE_QUILTT_CONNECTOR_URL, // a quiltt-sandbox; unset: Quiltt
  token: { url: '/api/quiltt/session' },
  onExitSuccess: (metadata) => saveConnection(metadata.connectionId),
})
await connector.open()
// #endregion esm
