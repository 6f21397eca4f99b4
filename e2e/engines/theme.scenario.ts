// The dark modal in Firefox and WebKit, with the browser started dark (neither driver can emulate
// media: Firefox's content-override pref, WebKitGTK's GTK_THEME=Adwaita:dark). `auto` makes the
// SDK's chrome dark there, with every text and control at WCAG AA contrast computed from the
// rendered colours; `light` still means light. The live switch is tested in Chromium.
import { fileURLToPath } from 'node:url'
import { beforeEach, expect, test } from 'vitest'
import { ARTIFACTS, describeEngines } from './session'

interface Theme {
  pageIsDark: boolean
  panelLuminance: number
  close: number
  loading: number | null
  focusRing: number
  iframeScheme: string
}

describeEngines(
  'dark modal',
  (session) => {
    beforeEach(async () => {
      await session().hostPage()
    })

    /** Opens a modal whose puppet never sends Load, so the loading indicator stays up. */
    async function openLoading(themeMode: string): Promise<Theme> {
      const { call } = session()
      const id = await call<string>('create', { prefix: 'noload', themeMode })
      await call('open', id)
      // The Connector frame is live (the loader still up): the modal is drawn and shown.
      await call('live', id)
      return call<Theme>('theme')
    }

    test('auto on a dark page: dark panel, close button, loading text, focus ring; AA contrast', async () => {
      const theme = await openLoading('auto')
      expect(theme.pageIsDark, 'the browser did not start dark').toBe(true)
      expect(theme.panelLuminance).toBeLessThan(0.05)
      expect(theme.close).toBeGreaterThanOrEqual(4.5)
      expect(theme.loading).toBeGreaterThanOrEqual(4.5)
      expect(theme.focusRing).toBeGreaterThanOrEqual(3)
      // 'light dark': the iframe takes the scheme the (dark) page prefers, as the chrome does.
      expect(theme.iframeScheme).toBe('light dark')
      const { driver } = session()
      await driver.screenshot(fileURLToPath(new URL(`${driver.engine}-dark-modal.png`, ARTIFACTS)))
    })

    test('light stays light on a dark page', async () => {
      const theme = await openLoading('light')
      expect(theme.panelLuminance).toBeGreaterThan(0.9)
      expect(theme.loading).toBeGreaterThanOrEqual(4.5)
      expect(theme.iframeScheme).toBe('light')
    })
  },
  { colorScheme: 'dark' },
)
