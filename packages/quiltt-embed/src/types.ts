import type { ConnectorSDKCallbackMetadata, ConnectorSDKEventType } from '@quiltt/core/api/browser'
import type { ConnectorError } from './connector-error'

/** Quiltt's event metadata, as its own SDKs type it. */
export type ConnectorMetadata = ConnectorSDKCallbackMetadata
/** Quiltt's event type enum (`'opened' | 'loaded' | 'exited.successful' | …`). */
export type ConnectorEventType = ConnectorSDKEventType

/**
 * A session token; a function that returns one (called at `open()`, its token reused until near
 * expiry); or `{ url }`, a path on the page's own origin that the SDK POSTs to (with the page's
 * cookies, redirects refused) and reads `{ token }` from, asked again at every cold `open()` or
 * `preload()`, since only your server knows who is signed in now.
 */
export type TokenSource = string | (() => string | Promise<string>) | { url: string }

declare const transportBrand: unique symbol
/**
 * How the Connector is driven: `iframeTransport` (the default) or `scriptTransport`, both exported.
 * A value rather than a string, so a bundle that never names `scriptTransport` leaves it out.
 */
export interface Transport {
  readonly [transportBrand]: true
}

/** The Connector's color scheme, as in Quiltt's SDKs 5.3+ (`auto`: the page's `prefers-color-scheme`). */
export type ThemeMode = 'light' | 'dark' | 'auto'

/** The words the SDK itself draws, for localized pages. Each one left out stays English. */
export interface ConnectorLabels {
  /** The dialog's accessible name and the iframe's `title`. Default `'Quiltt Connector'`. */
  dialog?: string | undefined
  /** The close button's accessible name. Default `'Close'`. */
  close?: string | undefined
  /** The text under the loading indicator. Default `'Loading…'`. */
  loading?: string | undefined
}

/** Lifecycle of a connector handle. */
export type ConnectorState = 'idle' | 'opening' | 'open' | 'closed' | 'destroyed'

/** Typed event map; listeners are called specific event first, then `exit`, then `event`. */
// A type alias (not an interface) so it satisfies nanoevents' index-signature constraint.
export type ConnectorEvents = {
  event: (type: ConnectorEventType, metadata: ConnectorMetadata) => void
  open: (metadata: ConnectorMetadata) => void
  load: (metadata: ConnectorMetadata) => void
  exit: (type: ConnectorEventType, metadata: ConnectorMetadata) => void
  exitSuccess: (metadata: ConnectorMetadata) => void
  exitAbort: (metadata: ConnectorMetadata) => void
  exitError: (metadata: ConnectorMetadata) => void
  navigate: (url: string, metadata: ConnectorMetadata) => void
  error: (error: ConnectorError) => void
}

/** Options of {@link createConnector}. */
export interface ConnectorOptions {
  /** Connector ID; it becomes a hostname label, so `/^[a-z0-9][a-z0-9-]{0,62}$/i`. */
  connectorId: string
  /** The session token minted by your server, or a provider that fetches one. Never an API secret. */
  token: TokenSource
  /** `iframeTransport` (default) or `scriptTransport` (Quiltt's `connector.js`). */
  transport?: Transport | undefined
  /** Iframe transport: mount inline in this element (or CSS selector); without it a modal is drawn. */
  container?: HTMLElement | string | undefined
  /** Reconnect this Connection instead of connecting a new one. */
  connectionId?: string | undefined
  /** Connect flow: Institution ID or search term to preselect. */
  institution?: string | undefined
  /** OAuth return URL for mobile/webview embeddings. */
  appLauncherUrl?: string | undefined
  /** CSP nonce for any `<script>`/`<style>` the SDK inserts. */
  nonce?: string | undefined
  /**
   * The Connector's color scheme; the SDK's modal follows it (`auto`: the page's
   * `prefers-color-scheme`, live while open). Unset: Quiltt's Dashboard default, light modal.
   */
  themeMode?: ThemeMode | undefined
  /** Replace the SDK's own words (dialog name, close button, loading text). */
  labels?: ConnectorLabels | undefined
  /** Milliseconds `open()` waits for the token provider, then for the Connector's Load. Default 15000. */
  timeout?: number | undefined
  /** Template of the Connector origin. Default `'https://{connectorId}.quiltt.app'`. */
  connectorUrl?: string | undefined
  /** Script transport: URL of `connector.js`. Default `'https://cdn.quiltt.io/v1/connector.js'`. */
  scriptUrl?: string | undefined
  onEvent?: ConnectorEvents['event'] | undefined
  onOpen?: ConnectorEvents['open'] | undefined
  onLoad?: ConnectorEvents['load'] | undefined
  onExit?: ConnectorEvents['exit'] | undefined
  onExitSuccess?: ConnectorEvents['exitSuccess'] | undefined
  onExitAbort?: ConnectorEvents['exitAbort'] | undefined
  onExitError?: ConnectorEvents['exitError'] | undefined
  onNavigate?: ConnectorEvents['navigate'] | undefined
  onError?: ConnectorEvents['error'] | undefined
}

/** The handle returned by {@link createConnector}. */
export interface Connector {
  readonly connectorId: string
  readonly state: ConnectorState
  /** Subscribe; returns the unsubscribe function. */
  on<E extends keyof ConnectorEvents>(event: E, listener: ConnectorEvents[E]): () => void
  /** Resolves once the Connector has loaded; rejects with `ConnectorError`. */
  open(): Promise<void>
  /**
   * Prepares the Connector without showing it, so the next `open()` shows it at once. Rejects like
   * `open()` but emits no `error` and leaves `state` as it was. Calling it again while preparing or
   * prepared returns the same promise.
   */
  preload(): Promise<void>
  /** Removes the modal or inline iframe; the connector can be opened again. */
  close(): void
  /** Removes everything the connector added. Safe to call twice. */
  destroy(): void
  /** Replaces the token (or provider) used by the next `open()`. */
  authenticate(token: TokenSource): void
  /** Relays an OAuth return URL into the Connector (iframe transport). */
  handleOAuthCallback(url: string): void
}

// ---------------------------------------------------------------------------------------------
// Internal types, shared by the state machine, the option checks and the transports. Not
// exported from index.ts: they live here so that those modules import types in one direction.

/** The message types the Connector posts to its parent. */
export type QuilttMessageType = 'Load' | 'ExitSuccess' | 'ExitAbort' | 'ExitError' | 'Navigate'

/** A Connector message that passed every check; carries only known, well-typed fields. */
export interface QuilttMessage {
  type: QuilttMessageType
  profileId?: string
  connectionId?: string
  connectorSession?: { id: string }
  url?: string
}

/**
 * Options after validation: every default applied, every URL resolved. It has no prototype, so an
 * option left out reads as `undefined` even when `Object.prototype` has been polluted.
 */
export interface NormalizedOptions
  extends Omit<ConnectorOptions, 'container' | 'transport' | 'labels'> {
  transport: TransportDriver
  container?: HTMLElement
  timeout: number
  /** The exact Connector origin: the only one whose messages count and the only one we post to. */
  origin: string
  scriptUrl: string
  /** Every word the SDK draws: the caller's, or the English default. */
  labels: Required<{ [K in keyof ConnectorLabels]: string }>
}

/** What a transport reports back to the connector's state machine. */
export interface TransportHandlers {
  /** The Connector is shown (the `open` event). */
  opened(): void
  /** A checked Connector message: Load, an exit, or Navigate. */
  message(message: QuilttMessage): void
  /** The user dismissed the SDK's own modal (Escape or its close button). */
  dismiss(): void
  /** False once this open() was closed, destroyed or failed: an async transport must stop. */
  active(): boolean
}

/** One mounted Connector: how to reach it, show it (when mounted hidden) and take it away. */
export interface Session {
  post?(data: unknown): void
  show?(): void
  remove(): void
}

/** How a transport drives the Connector. Internal: the public `Transport` type is opaque. */
export interface TransportDriver {
  /** Mounts the Connector with a checked token (hidden: prepared by `preload()`, not shown). */
  mount(
    config: NormalizedOptions,
    token: string,
    on: TransportHandlers,
    hidden?: boolean,
  ): Promise<Session>
  /** Set by a transport whose `preload()` only fetches code (connector.js), mounting nothing. */
  load?(config: NormalizedOptions): Promise<unknown>
  /** Set by a transport that can mount the Connector inline, in the `container` option. */
  inline?: true
}
