// The one type guard the helpers share: is an unknown value (message data, listener options) a
// plain object whose fields can be read?

/** Whether `value` is a non-null object, so its fields can be read. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null
