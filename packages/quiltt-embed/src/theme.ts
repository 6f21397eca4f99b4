import type { ThemeMode } from './types'

/** The colours of the SDK's own chrome in one scheme. Every text pair passes WCAG AA (≥ 4.5:1). */
export interface Palette {
  scheme: 'light' | 'dark'
  /** Behind the panel; translucent, but no text sits on it. */
  backdrop: string
  /** Panel and close button: opaque, so contrast is measurable (axe) under every text. */
  surface: string
  /** The close button's glyph. */
  text: string
  /** The loading text. */
  muted: string
  /** The loading ring, and its moving arc. */
  track: string
  accent: string
  /** The close button's keyboard focus ring (≥ 3:1 against the surface). */
  focus: string
}

// Light: slate-900 on white (17.8:1), slate-600 loading text (7.6:1). Dark: slate-100 on
// slate-900 (16:1), slate-300 loading text (12:1), indigo-300 focus ring (9:1).
const LIGHT: Palette = {
  scheme: 'light',
  backdrop: '#0009',
  surface: '#fff',
  text: '#0f172a',
  muted: '#475569',
  track: '#cbd5e1',
  accent: '#4f46e5',
  focus: '#4f46e5',
}
const DARK: Palette = {
  scheme: 'dark',
  backdrop: '#000c',
  surface: '#0f172a',
  text: '#f1f5f9',
  muted: '#cbd5e1',
  track: '#475569',
  accent: '#a5b4fc',
  focus: '#a5b4fc',
}

/**
 * Calls `paint` with the palette of `mode` now and, for `auto`, again whenever the page's
 * `prefers-color-scheme` changes. Unset is light, as the SDK's chrome always was. Returns the
 * function that stops listening.
 */
export function followTheme(
  mode: ThemeMode | undefined,
  paint: (palette: Palette) => void,
): () => void {
  if (mode !== 'auto') {
    paint(mode === 'dark' ? DARK : LIGHT)
    return () => {}
  }
  const query = matchMedia('(prefers-color-scheme:dark)')
  const onChange = () => paint(query.matches ? DARK : LIGHT)
  onChange()
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}
