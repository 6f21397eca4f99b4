// @ts-check
import { Buffer } from 'node:buffer'

/** @typedef {'verbatim' | 'JS-escaped' | 'HTML-escaped' | 'URL-encoded' | 'base64' | 'base64url' | 'hex'} Encoding */
/** @typedef {{ encoding: Encoding, needle: string }} Needle */

/**
 * Every form in which a secret's value can end up in a bundle, as plain strings to search for.
 * Built once per build; searching is then a handful of `includes` calls per output file.
 *
 * @param {string} value
 * @returns {Needle[]} distinct needles; when two encodings give the same string the first label wins
 */
export function encodeSecret(value) {
  const bytes = Buffer.from(value, 'utf8')
  /** @type {Array<[Encoding, string[]]>} */
  const forms = [
    // The latin1 view of the UTF-8 bytes is how a non-ASCII value reads in a binary asset.
    ['verbatim', [value, bytes.toString('latin1')]],
    ['JS-escaped', jsEscaped(value)],
    ['HTML-escaped', htmlEscaped(value)],
    ['URL-encoded', urlEncoded(value)],
    ['base64', base64Middles(bytes)],
    ['base64url', base64Middles(bytes).map(toBase64Url)],
    ['hex', [bytes.toString('hex'), bytes.toString('hex').toUpperCase()]],
  ]

  /** @type {Map<string, Encoding>} */
  const needles = new Map()
  for (const [encoding, strings] of forms) {
    for (const needle of strings) {
      if (needle && !needles.has(needle)) needles.set(needle, encoding)
    }
  }
  return Array.from(needles, ([needle, encoding]) => ({ encoding, needle }))
}

/**
 * A secret embedded in a longer base64 string (`Basic base64("profileId:" + secret)`) starts
 * at byte offset 0, 1 or 2 modulo 3, and each offset encodes it differently. For each one we
 * encode (k filler bytes + secret) and keep only the characters made entirely of the
 * secret's bits: the first characters mix in the unknown preceding bytes and the last ones the
 * unknown following bytes (or padding). Whatever surrounds the secret, that middle is present.
 *
 * @param {Uint8Array} bytes
 * @returns {string[]} one standard-alphabet needle per alignment
 */
export function base64Middles(bytes) {
  return [0, 1, 2].map((k) => {
    const padded = Buffer.concat([Buffer.alloc(k), bytes])
    // Character i covers bits [6i, 6i + 6); the secret's bits are [8k, 8(k + n)).
    const first = Math.ceil((8 * k) / 6)
    const end = Math.floor((8 * padded.length) / 6)
    return padded.toString('base64').slice(first, end)
  })
}

/** @param {string} base64 */
function toBase64Url(base64) {
  return base64.replaceAll('+', '-').replaceAll('/', '_')
}

/**
 * Bundlers print string literals with `JSON.stringify` (`define`, @rollup/plugin-replace) or
 * re-quote them; a value holding quotes or backslashes then appears escaped. Vite 8's minifier
 * prints strings as template literals, where quotes and newlines stay raw and only `\`, `` ` ``
 * and `${` are escaped, so a value with both kinds of quote matches neither other form.
 * @param {string} value
 */
function jsEscaped(value) {
  const json = JSON.stringify(value).slice(1, -1)
  // A prerendered Next.js page carries its RSC payload (whose strings are JSON) as a JSON
  // string in an inline script: JSON twice, with `&`, `<` and `>` written as \u escapes.
  const jsonTwice = JSON.stringify(json).slice(1, -1)
  return [
    json,
    value.replace(/[\\']/g, '\\$&'),
    value.replace(/[\\`]/g, '\\$&').replaceAll('${', '\\${'),
    inlineScriptEscaped(json),
    jsonTwice,
    inlineScriptEscaped(jsonTwice),
  ]
}

/**
 * What Next.js (`htmlEscapeJsonString`) and others do to JSON put in a `<script>`: escape what
 * could end the script or be read as HTML.
 * @param {string} json
 */
function inlineScriptEscaped(json) {
  return json
    .replaceAll('&', '\\u0026')
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029')
}

/**
 * A value rendered as HTML text or an attribute: React writes `'` as `&#x27;`, Vue and most
 * template engines as `&#39;`.
 * @param {string} value
 */
function htmlEscaped(value) {
  const common = value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
  return [common.replaceAll("'", '&#x27;'), common.replaceAll("'", '&#39;')]
}

/**
 * The three ways JavaScript percent-encodes: query values, whole URLs, and form bodies.
 * @param {string} value
 */
function urlEncoded(value) {
  try {
    return [
      encodeURIComponent(value),
      encodeURI(value),
      new URLSearchParams({ v: value }).toString().slice(2),
    ]
  } catch {
    // A lone surrogate cannot be percent-encoded, so it cannot appear percent-encoded either.
    return []
  }
}
