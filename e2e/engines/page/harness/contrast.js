// The modal's rendered colours as WCAG contrast ratios, from getComputedStyle: close button text
// on its background, loading text and focus ring on the panel; and the panel's luminance.
;((kit) => {
  const luminance = (css) => {
    const [r, g, b, alpha = 1] = (css.match(/[\d.]+/g) ?? []).map(Number)
    if (alpha !== 1) throw new Error(`${css} is not opaque`)
    const linear = [r, g, b].map((channel) => {
      const c = channel / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
  }
  const ratio = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
    return Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100
  }

  window.harness.theme = () => {
    const overlay = kit.dialog()
    const css = (element) => getComputedStyle(element)
    const panel = css(overlay.firstElementChild).backgroundColor
    const close = css(overlay.querySelector('button'))
    const status = overlay.querySelector('[role="status"]')
    return {
      pageIsDark: matchMedia('(prefers-color-scheme: dark)').matches,
      panelLuminance: Math.round(luminance(panel) * 1000) / 1000,
      close: ratio(close.color, close.backgroundColor),
      loading: status ? ratio(css(status).color, panel) : null,
      focusRing: ratio(close.outlineColor, panel),
      iframeScheme: css(overlay.querySelector('iframe')).colorScheme,
    }
  }
})(window.harnessKit)
