/** A plain object from JSON or structured clone: not null, not an array, not a class instance. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  const proto = typeof value === 'object' && value !== null && Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * Reads an own property of a plain object, or `undefined`. Only own keys count, so nothing
 * inherited or polluted through `Object.prototype` is ever picked up.
 */
export function field(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined
}
