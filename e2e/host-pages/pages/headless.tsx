// Headless UI's Dialog: while open it marks the other root elements inert and traps focus. The
// Link button is inside it. With ?preload the page prepares the Connector first (preload() on
// mount, before any dialog is open), so the SDK's hidden dialog is already in body when Headless
// UI opens and marks it inert along with the rest.
import { Dialog, DialogPanel, DialogTitle } from '@headlessui/react'
import { QuilttButton, useQuilttConnector } from 'quiltt-embed-react'
import { type ReactElement, type ReactNode, useEffect, useState } from 'react'
import { connectorProps, mount, SaveButton } from './react-kit'

const backdrop = { position: 'fixed', inset: 0, background: 'rgb(0 0 0 / 0.4)' } as const
const panel = {
  position: 'fixed',
  top: '50%',
  left: '50%',
  transform: 'translate(-50%, -50%)',
  padding: 24,
  background: '#fff',
} as const

function Settings({ link }: { link: ReactNode }): ReactElement {
  const [open, setOpen] = useState(false)
  return (
    <main>
      <h1>Your accounts</h1>
      <button type="button" onClick={() => setOpen(true)}>
        Account settings
      </button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <div style={backdrop} aria-hidden="true" />
        <DialogPanel style={panel}>
          <DialogTitle>Account settings</DialogTitle>
          <p>{link}</p>
          <SaveButton />
          <button type="button" onClick={() => setOpen(false)}>
            Done
          </button>
        </DialogPanel>
      </Dialog>
    </main>
  )
}

/** The Connector belongs to the page, prepared at once; the button in the dialog opens it. */
function PreloadedSettings(): ReactElement {
  const { open, preload } = useQuilttConnector(connectorProps)
  useEffect(() => {
    preload().then(() => {
      document.body.dataset.preloaded = 'true'
    })
  }, [preload])
  const link = (
    <button type="button" onClick={() => open().catch(() => undefined)}>
      Link your bank
    </button>
  )
  return <Settings link={link} />
}

const preloaded = new URLSearchParams(location.search).has('preload')
mount(
  preloaded ? (
    <PreloadedSettings />
  ) : (
    <Settings link={<QuilttButton {...connectorProps}>Link your bank</QuilttButton>} />
  ),
)
