// The one interface every engine implements, so each scenario is written once and run in every
// engine. Deliberately small: what a user does (go, click, type, press keys, resize) and what a
// test reads (evaluate in the page or in one of its iframes, screenshots).

export type EngineName = 'firefox' | 'webkit'

/** Where an action happens: the top document, or the iframe matched by this CSS selector there. */
export interface Target {
  frame?: string
  /** The element is in the open shadow root of the element this CSS selector matches. */
  shadowHost?: string
}

/** Keys the scenarios press; `Shift+Tab` is Tab with Shift held. */
export type Key = 'Tab' | 'Shift+Tab' | 'Escape' | 'Enter'

export interface Driver {
  readonly engine: EngineName
  /** The browser's own version string, for the README table and the report. */
  readonly version: string
  goto(url: string): Promise<void>
  /**
   * Evaluates a JavaScript expression (source text, so no bundler helper can leak into it) and
   * resolves its JSON-able value; a promise is awaited.
   */
  evaluate<T>(expression: string, target?: Target): Promise<T>
  /** A real pointer click on the element (WebDriver/BiDi input), after it can be clicked. */
  click(selector: string, target?: Target): Promise<void>
  /** Focuses the field and types into it with real key events. */
  type(selector: string, text: string, target?: Target): Promise<void>
  /** A real key press, delivered wherever focus is (also inside a cross-origin iframe). */
  press(key: Key): Promise<void>
  /** Resizes the layout viewport to exactly width × height CSS pixels. */
  setViewport(width: number, height: number): Promise<void>
  /** Clicks `selector` in the window the page opened (a popup), then comes back to the page. */
  clickInPopup(selector: string): Promise<void>
  /** A PNG of the viewport, written to `path`. */
  screenshot(path: string): Promise<void>
  close(): Promise<void>
}

/** How the browser starts. Neither driver can emulate media, so a dark page means a dark browser. */
export interface LaunchOptions {
  colorScheme?: 'dark'
}

/** Launches an engine; rejects loudly (never skips) when it cannot start. */
export type Launch = (options?: LaunchOptions) => Promise<Driver>
