// Building the fixture pages' HTML: an escaped `data-*` attribute list and a whole page with its
// optional Content-Security-Policy header.

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** ` data-{key}="{value}"` for each entry, values escaped. */
export const dataAttributes = (data: Record<string, string>) =>
  Object.entries(data)
    .map(([key, value]) => ` data-${key}="${escapeHtml(value)}"`)
    .join('')

/** A page's HTML and the headers to serve it with (its CSP, if any). */
export function page(
  title: string,
  csp: string | undefined,
  head: string,
  body = '',
): [string, object] {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body>${body}</body>
</html>
`
  return [html, csp ? { 'Content-Security-Policy': csp } : {}]
}
