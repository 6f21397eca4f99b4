import { Component, inject, signal } from '@angular/core'
import { MatButtonModule } from '@angular/material/button'
import { MatDialog } from '@angular/material/dialog'
import { ConnectDialog } from './connect-dialog'
import type { AppSettings } from './settings'

@Component({
  selector: 'app-root',
  imports: [MatButtonModule],
  template: `
    <main>
      <h1>Quiltt on Angular</h1>
      @if (settings(); as settings) {
        @if (settings.signedIn) {
          <button mat-flat-button type="button" (click)="connect(settings)">
            Connect your bank
          </button>
        } @else {
          <form method="post" action="/sign-in"><button mat-flat-button>Sign in</button></form>
        }
      } @else {
        <p>Loading…</p>
      }
      <ul aria-label="Connections">
        @for (id of connections(); track id) {
          <li>Connected: {{ id }}</li>
        }
      </ul>
    </main>
  `,
})
export class App {
  private readonly dialog = inject(MatDialog)
  readonly settings = signal<AppSettings | undefined>(undefined)
  readonly connections = signal<string[]>([])

  constructor() {
    fetch('/api/app')
      .then((response) => response.json())
      .then((settings: AppSettings) => this.settings.set(settings))
  }

  /** Opens the app's own dialog, which closes with the new connection's ID once a bank is linked. */
  connect(settings: AppSettings): void {
    this.dialog
      .open<ConnectDialog, AppSettings, string>(ConnectDialog, { data: settings })
      .afterClosed()
      .subscribe((connectionId) => {
        if (connectionId) this.connections.update((ids) => [...ids, connectionId])
      })
  }
}
