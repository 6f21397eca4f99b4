import type { ThemeMode } from './types'

// The SDK's chrome is coloured with `light-dark(light, dark)`, which the browser resolves from
// the element's `color-scheme`, each after a plain light declaration that engines without
// light-dark() keep. So `auto` ('light dark') follows prefers-color-scheme live with no listener
// to add or remove, and the iframe inherits the same scheme (a mismatch would make the browser
// paint an opaque backdrop of the other scheme behind the Connector). Every surface under text is
// opaque, so contrast is what these pairs give (and axe can measure it), WCAG AA in both schemes:
//
//   what                     light                 dark
//   panel, close button      #fff                  #0f172a (slate-900)
//   close glyph              #0f172a  17.9:1       #f1f5f9 (slate-100)  16.3:1
//   loading text             #475569   7.6:1       #cbd5e1 (slate-300)  12.0:1
//   ring arc, focus ring     #4f46e5   6.3:1       #a5b4fc (indigo-300)  9.6:1
//   ring track               #cbd5e1               #475569
//   backdrop                 #0009 in both (no text sits on it)

/** The `color-scheme` of the SDK's chrome for a `themeMode`; unset is light, as it always was. */
export const colorScheme = (mode: ThemeMode | undefined): string =>
  mode === 'auto' ? 'light dark' : (mode ?? 'light')
