import { Component, DestroyRef, inject } from '@angular/core'
import { MatButtonModule } from '@angular/material/button'
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog'
import { createConnector } from 'quiltt-embed'
import type { AppSettings } from './settings'

/**
 * The app's own Material dialog, which opens Quiltt's Connector. The SDK's modal goes on top of
 * it; Escape or the SDK's close button closes the Connector and leaves this dialog open.
 */
@Component({
  selector: 'app-connect-dialog',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>Connect your bank</h2>
    <mat-dialog-content>
      Quiltt links your bank account. Your bank password is never shared with this app.
    </mat-dialog-content>
    <mat-dialog-actions>
      <button mat-button type="button" mat-dialog-close>Not now</button>
      <button mat-flat-button type="button" (click)="open()">Continue</button>
    </mat-dialog-actions>
  `,
})
export class ConnectDialog {
  private readonly dialogRef = inject<MatDialogRef<ConnectDialog, string>>(MatDialogRef)
  private readonly settings = inject<AppSettings>(MAT_DIALOG_DATA)

  // #region connector
  // Created with the dialog (in the browser: this app renders nowhere else), destroyed with it.
  private readonly connector = createConnector({
    connectorId: this.settings.connectorId,
    connectorUrl: this.settings.connectorUrl, // a quiltt-sandbox; unset: Quiltt
    token: { url: '/api/quiltt/session' },
    onExitSuccess: (metadata) => this.dialogRef.close(metadata.connectionId),
  })

  constructor() {
    inject(DestroyRef).onDestroy(() => this.connector.destroy())
  }
  // #endregion connector

  // A failure rejects open() and, since no error listener is set, the SDK writes it to the
  // console; a real app shows its own message in onError.
  open(): void {
    this.connector.open().catch(() => {})
  }
}
