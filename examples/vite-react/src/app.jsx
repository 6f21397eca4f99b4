import { QuilttContainer, useQuilttConnector } from 'quiltt-embed-react'
import { useEffect, useState } from 'react'

// A `{ url }` token source: the SDK POSTs to this same-origin path at each cold open.
const token = { url: '/api/quiltt/session' }

export function App() {
  const [config, setConfig] = useState()
  useEffect(() => {
    fetch('/api/app').then((response) => response.json().then(setConfig))
  }, [])
  if (!config) return <p>Loading…</p>
  return (
    <main>
      <h1>Quiltt on Vite + React</h1>
      {config.signedIn ? (
        <Connect connectorId={config.connectorId} connectorUrl={config.connectorUrl} />
      ) : (
        <form method="post" action="/sign-in">
          <button type="submit">Sign in</button>
        </form>
      )}
    </main>
  )
}

function Connect({ connectorId, connectorUrl }) {
  const [connected, setConnected] = useState([])
  const [inline, setInline] = useState(false)
  const onExitSuccess = (metadata) => setConnected((ids) => [...ids, metadata.connectionId])
  // #region hook
  const { open } = useQuilttConnector({ connectorId, connectorUrl, token, onExitSuccess })
  // #endregion hook
  return (
    <>
      <button type="button" onClick={() => open().catch(() => {})}>
        Connect your bank
      </button>
      {inline ? (
        // #region container
        <QuilttContainer
          connectorId={connectorId}
          connectorUrl={connectorUrl}
          token={token}
          onExitSuccess={onExitSuccess}
          aria-label="Bank connection"
          style={{ height: 600 }}
        />
        // #endregion container
      ) : (
        <button type="button" onClick={() => setInline(true)}>
          Connect here, inline
        </button>
      )}
      <ul aria-label="Connections">
        {connected.map((id) => (
          <li key={id}>Connected: {id}</li>
        ))}
      </ul>
    </>
  )
}
