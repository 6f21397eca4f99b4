// What the page's server wrote into the page for the Connector: the sandbox's Connector ID and
// URL (the shell's body carries them), and the demo's same-origin session endpoint.
export function pageConfig(): { connectorId: string; connectorUrl: string; tokenUrl: string } {
  const { connectorId, connectorUrl } = document.body.dataset
  if (!connectorId || !connectorUrl) throw new Error('the page shell carries no Connector config')
  return { connectorId, connectorUrl, tokenUrl: '/api/quiltt/session' }
}
