// Assertions the SDK's tests share: a call throws or a promise rejects with a ConnectorError (and
// hands it back for its code to be checked), and a refused value never shows up in a message.
import { expect } from 'vitest'
import { ConnectorError } from '../../src/index'

/** Fails if `text` contains the refused `value`, or any 8-character substring of it. */
export function expectNoLeak(text: string | undefined, value: string): void {
  const haystack = text ?? ''
  for (let i = 0; i + 8 <= value.length; i++) {
    const piece = value.slice(i, i + 8)
    if (haystack.includes(piece)) {
      expect.fail(`leaked ${JSON.stringify(piece)} of the refused value in: ${haystack}`)
    }
  }
}

/** Asserts `fn` throws a ConnectorError with `code`, and returns it. */
export function catchError(fn: () => unknown): ConnectorError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError)
    return error as ConnectorError
  }
  return expect.fail('expected a ConnectorError to be thrown')
}

export async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectorError)
    return error as ConnectorError
  }
  return expect.fail('expected the promise to reject with a ConnectorError')
}
