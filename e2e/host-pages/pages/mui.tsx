// MUI's Dialog: a focus trap (it pulls focus back whenever it leaves its dialog) and aria-hidden
// on the rest of the page. The Link button is inside it.
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import { QuilttButton } from 'quiltt-embed-react'
import { type ReactElement, useState } from 'react'
import { connectorProps, mount, SaveButton } from './react-kit'

function Settings(): ReactElement {
  const [open, setOpen] = useState(false)
  return (
    <main>
      <h1>Your accounts</h1>
      <Button variant="contained" onClick={() => setOpen(true)}>
        Account settings
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="settings-title">
        <DialogTitle id="settings-title">Account settings</DialogTitle>
        <DialogContent>
          <QuilttButton {...connectorProps}>Link your bank</QuilttButton>
          <SaveButton />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Done</Button>
        </DialogActions>
      </Dialog>
    </main>
  )
}

mount(<Settings />)
