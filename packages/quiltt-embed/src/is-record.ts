/**
 * Reads an own property of a plain object (from JSON or structured clone: not null, not an
 * array, not a class instance), or `undefined`. Only own keys count, so nothing inherited or
 * polluted through `Object.prototype` is ever picked up.
 */
export function field(value: unknown, key: string): unknown {
  const proto = typeof value === 'object' && value !== null && Object.getPrototypeOf(value)
  return (proto === Object.prototype || proto === null) && Object.hasOwn(value as object, key)
    ? (value as Record<string, unknown>)[key]
    : undefined
}
