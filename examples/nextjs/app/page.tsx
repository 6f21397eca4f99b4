// A Server Component (no 'use client'): it renders QuilttButton directly. `token` is a plain
// `{ url }` object, which can cross to the browser where a provider function cannot.
import { headers } from 'next/headers'
import { QuilttButton } from 'quiltt-embed-react'
import { connectionsOf } from '@/lib/connections'
import { userOf } from '@/lib/user'
import { connected } from './actions'

export default async function Home() {
  const user = userOf(await headers())
  return (
    <main>
      <h1>Quiltt on Next.js</h1>
      {user ? (
        // #region button
        <QuilttButton
          connectorId={process.env.QUILTT_CONNECTOR_ID ?? 'your-connector-id'}
          connectorUrl={process.env.QUILTT_CONNECTOR_URL} // a quiltt-sandbox; unset: Quiltt
          token={{ url: '/api/quiltt/session' }}
          onExitSuccess={connected}
        >
          Connect your bank
        </QuilttButton>
        // #endregion button
      ) : (
        <form method="post" action="/sign-in">
          <button type="submit">Sign in</button>
        </form>
      )}
      <ul aria-label="Connections">
        {(user ? connectionsOf(user.uuid) : []).map((id) => (
          <li key={id}>Connected: {id}</li>
        ))}
      </ul>
    </main>
  )
}
