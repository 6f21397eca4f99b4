import type { QuilttConnectorOptions } from './options'
import { callbackOf, EVENTS } from './options'

/**
 * A component's connector options: its props (less `as`), with each callback emitting the
 * matching event, so `@exit-success` and an `onExitSuccess` prop both hear it.
 */
export function connectorOptionsOf(
  props: Record<string, unknown>,
  emit: (event: string, ...args: unknown[]) => void,
): () => QuilttConnectorOptions {
  const callbacks = Object.fromEntries(
    EVENTS.map((event) => [callbackOf(event), (...args: unknown[]) => emit(event, ...args)]),
  )
  return () => {
    const { as: _as, ...options } = props
    return { ...options, ...callbacks } as unknown as QuilttConnectorOptions
  }
}
