// What the React pages share: the Connector props from the page's config, the page's own "Save"
// control (it counts clicks in #saved, so a test sees the page take a click), and mounting.
import { type ReactElement, StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { pageConfig } from './page-config'

const { connectorId, connectorUrl, tokenUrl } = pageConfig()
export const connectorProps = { connectorId, connectorUrl, token: { url: tokenUrl } }

export function SaveButton(): ReactElement {
  const [saves, setSaves] = useState(0)
  return (
    <p>
      <button type="button" id="save" onClick={() => setSaves((count) => count + 1)}>
        Save
      </button>{' '}
      <output id="saved">Saved {saves}</output>
    </p>
  )
}

/** Renders the page, in StrictMode as apps are started. */
export function mount(page: ReactElement): void {
  const root = document.getElementById('root')
  if (!root) throw new Error('the page shell has no #root')
  createRoot(root).render(<StrictMode>{page}</StrictMode>)
}
