// The home page's button, with its session token from the Edge runtime's route
// (app/api/quiltt/edge-session/route.ts).
import { headers } from 'next/headers'
import { QuilttButton } from 'quiltt-embed-react'
import { connectionsOf } from '@/lib/connections'
import { userOf } from '@/lib/user'
import { connected } from '../actions'

export default async function EdgeHome() {
  const user = userOf(await headers())
  return (
    <main>
      <h1>Quiltt on Next.js, tokens from the Edge runtime</h1>
      {user ? (
        <QuilttButton
          connectorId={process.env.QUILTT_CONNECTOR_ID ?? 'your-connector-id'}
          connectorUrl={process.env.QUILTT_CONNECTOR_URL} // a quiltt-sandbox; unset: Quiltt
          token={{ url: '/api/quiltt/edge-session' }}
          onExitSuccess={connected}
        >
          Connect your bank
        </QuilttButton>
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
