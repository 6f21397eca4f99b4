// Radix's Dialog: while open it sets pointer-events: none on body, closes on a press outside its
// content, listens for Escape on the document, and traps focus. The Link button is inside it.
import * as Dialog from '@radix-ui/react-dialog'
import { QuilttButton } from 'quiltt-embed-react'
import { connectorProps, mount, SaveButton } from './react-kit'

const overlay = { position: 'fixed', inset: 0, background: 'rgb(0 0 0 / 0.4)' } as const
const content = {
  position: 'fixed',
  top: '50%',
  left: '50%',
  transform: 'translate(-50%, -50%)',
  padding: 24,
  background: '#fff',
  borderRadius: 8,
} as const

mount(
  <main>
    <h1>Your accounts</h1>
    <Dialog.Root>
      <Dialog.Trigger>Account settings</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay style={overlay} />
        <Dialog.Content style={content} aria-describedby={undefined}>
          <Dialog.Title>Account settings</Dialog.Title>
          <p>
            <QuilttButton {...connectorProps}>Link your bank</QuilttButton>
          </p>
          <SaveButton />
          <Dialog.Close>Done</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  </main>,
)
