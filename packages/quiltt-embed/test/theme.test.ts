// themeMode and labels on the SDK's own chrome (SPEC §3.1, §4.1, §6): the theme_mode URL
// parameter, the refusal of bad values, the colours the modal really renders in each scheme
// (WCAG contrast computed here from getComputedStyle), `auto` following a live change of
// prefers-color-scheme, and the SDK's words replaced, read back by their accessible names.
import { afterEach, describe, expect, test, vi } from 'vitest'
import { cdp, page } from 'vitest/browser'
import type { ConnectorOptions, ThemeMode } from '../src/index'
import { createConnector } from '../src/index'
import {
  catchError,
  cleanup,
  connectorUrl,
  create,
  dialogs,
  makeContainer,
  makeToken,
  onCleanup,
  openAndGetFrame,
  uniqueId,
  waitForLiveFrame,
} from './helpers'

afterEach(cleanup)

/** Opens a modal whose puppet Connector never sends Load, so the loading indicator stays up. */
async function openLoading(options: Partial<ConnectorOptions> = {}) {
  const connector = create({ connectorId: uniqueId('noload'), ...options })
  connector.open().catch(() => undefined)
  const frame = await waitForLiveFrame(connector.connectorId)
  return { connector, frame }
}

const channels = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number)
/** WCAG 2 relative luminance of an opaque `rgb(...)` colour. */
function luminance(css: string): number {
  const [r, g, b, alpha = 1] = channels(css)
  expect(alpha, `${css} is not opaque: its contrast depends on what is behind`).toBe(1)
  const linear = [r, g, b].map((channel) => {
    const c = (channel ?? 0) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

/** What the modal renders: its surfaces, texts and controls, as computed colours. */
function renderedModal() {
  const [dialog] = dialogs() as HTMLElement[]
  const panel = dialog!.firstElementChild as HTMLElement
  const close = dialog!.querySelector('button')!
  const status = dialog!.querySelector('[role="status"]')!
  const ring = status.firstElementChild!
  const iframe = dialog!.querySelector('iframe')!
  const css = (element: Element) => getComputedStyle(element)
  return {
    panel: css(panel).backgroundColor,
    closeText: css(close).color,
    closeBackground: css(close).backgroundColor,
    focusRing: css(close).outlineColor,
    loadingText: css(status).color,
    ringArc: css(ring).borderTopColor,
    ringTrack: css(ring).borderRightColor,
    dialogScheme: css(dialog!).colorScheme,
    iframeScheme: css(iframe).colorScheme,
  }
}

/** Runs `body` with prefers-color-scheme emulated (the tab is shared, so always undone). */
async function withScheme(scheme: 'light' | 'dark', body: () => Promise<void>) {
  const session = cdp()
  const emulate = (value: string) =>
    session.send(
      'Emulation.setEmulatedMedia' as never,
      {
        features: [{ name: 'prefers-color-scheme', value }],
      } as never,
    )
  await emulate(scheme)
  try {
    await body()
  } finally {
    await emulate('')
  }
}
const setScheme = (value: 'light' | 'dark') =>
  cdp().send(
    'Emulation.setEmulatedMedia' as never,
    {
      features: [{ name: 'prefers-color-scheme', value }],
    } as never,
  )

describe('theme_mode in the Connector URL', () => {
  test.each(['light', 'dark', 'auto'] as const)('themeMode %s → theme_mode=%s', async (mode) => {
    const frame = await openAndGetFrame(create({ themeMode: mode, container: makeContainer() }))
    expect(new URL(frame.src).searchParams.getAll('theme_mode')).toEqual([mode])
  })

  test('unset (or undefined): no theme_mode at all, so Quiltt applies the Dashboard default', async () => {
    const frame = await openAndGetFrame(create({ themeMode: undefined }))
    expect(new URL(frame.src).searchParams.has('theme_mode')).toBe(false)
  })
})

describe('refusal at createConnector', () => {
  test.each(['Dark', 'night', '', 1, {}, ['dark']])('themeMode %j → INVALID_OPTIONS', (value) => {
    const error = catchError(() => create({ themeMode: value as ThemeMode }))
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toBe("`themeMode` must be 'light', 'dark' or 'auto'.")
  })

  test.each([
    ['Cerrar', 'labels'],
    [{ close: 5 }, 'labels.close'],
    [{ dialog: '  ' }, 'labels.dialog'],
    [{ loading: null }, 'labels.loading'],
  ])('labels %j → INVALID_OPTIONS naming %s', (labels, option) => {
    const error = catchError(() => create({ labels: labels as never }))
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toMatch(new RegExp(`^\`${option.replace('.', '\\.')}\` must be`))
  })

  test('a polluted Object.prototype sets neither the theme nor the words', async () => {
    const proto = Object.prototype as Record<string, unknown>
    Object.assign(proto, { themeMode: 'dark', dialog: 'Pwned', close: 'Pwned' })
    try {
      const frame = await openAndGetFrame(create({ labels: {} }))
      expect(new URL(frame.src).searchParams.has('theme_mode')).toBe(false)
      await expect.element(page.getByRole('dialog', { name: 'Quiltt Connector' })).toBeVisible()
      await expect.element(page.getByRole('button', { name: 'Close' })).toBeVisible()
    } finally {
      for (const key of ['themeMode', 'dialog', 'close']) delete proto[key]
    }
  })
})

describe('labels', () => {
  const spanish = { dialog: 'Conector de Quiltt', close: 'Cerrar', loading: 'Cargando…' }

  test('modal: the dialog, the iframe, the close button and the loading text use them', async () => {
    const { frame } = await openLoading({ labels: spanish })
    await expect.element(page.getByRole('dialog', { name: 'Conector de Quiltt' })).toBeVisible()
    await expect.element(page.getByRole('button', { name: 'Cerrar' })).toBeVisible()
    await expect.element(page.getByRole('status')).toHaveTextContent('Cargando…')
    expect(frame.title).toBe('Conector de Quiltt')
    expect(document.body.textContent).not.toContain('Loading')
  })

  test('labels are text, never markup', async () => {
    const markup = '<img src=x onerror="window.__labelRan=1">'
    const { frame } = await openLoading({
      labels: { dialog: markup, close: markup, loading: markup },
    })
    await expect.element(page.getByRole('status')).toHaveTextContent(markup)
    expect(dialogs()[0]!.getAttribute('aria-label')).toBe(markup)
    expect(frame.title).toBe(markup)
    expect(document.querySelector('[role="dialog"] img')).toBeNull()
    expect((window as { __labelRan?: number }).__labelRan).toBeUndefined()
  })

  test('a label left out stays English', async () => {
    await openLoading({ labels: { close: 'Fermer' } })
    await expect.element(page.getByRole('dialog', { name: 'Quiltt Connector' })).toBeVisible()
    await expect.element(page.getByRole('button', { name: 'Fermer' })).toBeVisible()
    await expect.element(page.getByRole('status')).toHaveTextContent('Loading…')
  })

  test('inline: the iframe title and the loading text', async () => {
    const container = makeContainer()
    const { frame } = await openLoading({ labels: spanish, container })
    expect(frame.title).toBe('Conector de Quiltt')
    await expect.element(page.getByRole('status')).toHaveTextContent('Cargando…')
  })
})

describe('the modal follows the theme', () => {
  test.each([
    ['dark', 'dark'],
    ['light', 'light'],
    [undefined, 'light'],
  ] as const)('themeMode %s: %s chrome, every text and control WCAG AA', async (mode, scheme) => {
    await openLoading(mode ? { themeMode: mode } : {})
    const colours = renderedModal()
    // Dark means dark: a panel a dark Connector can sit in without a white frame around it.
    if (scheme === 'dark') expect(luminance(colours.panel)).toBeLessThan(0.05)
    else expect(luminance(colours.panel)).toBeGreaterThan(0.9)
    expect(colours.closeBackground).toBe(colours.panel)
    // Text: 4.5:1. Focus ring and the loading ring's arc (non-text): 3:1.
    expect(contrast(colours.closeText, colours.closeBackground)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(colours.loadingText, colours.panel)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(colours.focusRing, colours.panel)).toBeGreaterThanOrEqual(3)
    expect(contrast(colours.ringArc, colours.panel)).toBeGreaterThanOrEqual(3)
    expect(colours.ringArc).not.toBe(colours.ringTrack)
    // The iframe's own color-scheme is the theme (unset: light, as the chrome).
    expect(colours.dialogScheme).toBe(scheme)
    expect(colours.iframeScheme).toBe(scheme)
  })

  test('auto: dark on a dark page, and follows a live change of prefers-color-scheme', async () => {
    await withScheme('dark', async () => {
      await openLoading({ themeMode: 'auto' })
      expect(luminance(renderedModal().panel)).toBeLessThan(0.05)
      // 'light dark': the iframe, like the chrome, takes whichever the page prefers, live.
      expect(renderedModal().iframeScheme).toBe('light dark')

      await setScheme('light')
      await vi.waitFor(() => expect(luminance(renderedModal().panel)).toBeGreaterThan(0.9))
      const light = renderedModal()
      expect(contrast(light.loadingText, light.panel)).toBeGreaterThanOrEqual(4.5)

      await setScheme('dark')
      await vi.waitFor(() => expect(luminance(renderedModal().panel)).toBeLessThan(0.05))
      const dark = renderedModal()
      expect(contrast(dark.closeText, dark.closeBackground)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(dark.loadingText, dark.panel)).toBeGreaterThanOrEqual(4.5)
    })
  })
})

test('the README sample: auto theme and Spanish words, on a dark page', async () => {
  const fetchSessionToken = async () => makeToken()
  await withScheme('dark', async () => {
    const connector = createConnector({
      // #region dark-and-languages
      connectorId: 'abc123',
      token: fetchSessionToken,
      themeMode: 'auto',
      labels: { dialog: 'Conector de Quiltt', close: 'Cerrar', loading: 'Cargando…' },
      // #endregion dark-and-languages
      connectorUrl, // the test's stand-in Connector, in place of https://abc123.quiltt.app
    })
    onCleanup(() => connector.destroy())
    await connector.open()
    await expect.element(page.getByRole('dialog', { name: 'Conector de Quiltt' })).toBeVisible()
    await expect.element(page.getByRole('button', { name: 'Cerrar' })).toBeVisible()
    const panel = dialogs()[0]!.firstElementChild!
    expect(luminance(getComputedStyle(panel).backgroundColor)).toBeLessThan(0.05)
  })
})
