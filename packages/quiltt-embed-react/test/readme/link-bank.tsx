/* @jsxRuntime automatic @jsxImportSource react */
/// <reference types="vite/client" />
// (import.meta.env's types, as a Vite app has them.)
// The README's quick start, as written: rendered by readme.test.ts against the puppet Connector.

// #region quick-start
import { QuilttButton, QuilttTokenProvider } from 'quiltt-embed-react'
import { save } from './save'

// `userId` is your signed-in user's ID, undefined once they sign out.
export function LinkBank({ userId }: { userId: string | undefined }) {
  return (
    <QuilttTokenProvider token={{ url: '/api/quiltt/session' }} sessionKey={userId}>
      <QuilttButton
        connectorId="abc123"
        connectorUrl={import.meta.env.VITE_QUILTT_CONNECTOR_URL} // a quiltt-sandbox; unset: Quiltt
        onExitSuccess={(metadata) => save(metadata.connectionId)}
      >
        Link your bank
      </QuilttButton>
    </QuilttTokenProvider>
  )
}
// #endregion quick-start
