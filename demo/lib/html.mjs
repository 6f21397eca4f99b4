// Server-rendered values in the plain page are escaped for HTML text and attribute contexts.

const ENTITIES = /** @type {const} */ ({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
})
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/

/** @param {string} value */
export function escapeHtml(value) {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[/** @type {keyof typeof ENTITIES} */ (char)])
}

/**
 * Fills `{{name}}` with an escaped string, and replaces the marker attribute
 * ` data-demo-attrs="name"` (valid HTML, so the template stays lintable) with escaped
 * ` key="value"` pairs. An unknown placeholder is a bug, so it throws instead of rendering blank.
 * @param {string} template
 * @param {Record<string, string | Record<string, string>>} values
 */
export function renderTemplate(template, values) {
  return template.replace(
    / data-demo-attrs="(\w+)"|\{\{(\w+)\}\}/g,
    (placeholder, attrsName, textName) => {
      const value = values[attrsName ?? textName]
      if (attrsName && typeof value === 'object') return renderAttributes(value)
      if (textName && typeof value === 'string') return escapeHtml(value)
      throw new Error(`Template placeholder ${placeholder.trim()} has no matching value`)
    },
  )
}

/** @param {Record<string, string>} attributes */
function renderAttributes(attributes) {
  return Object.entries(attributes)
    .map(([name, value]) => {
      if (!ATTRIBUTE_NAME.test(name)) throw new Error(`Invalid attribute name ${name}`)
      return ` ${name}="${escapeHtml(value)}"`
    })
    .join('')
}
