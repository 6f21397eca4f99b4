import {
  type ComponentPropsWithoutRef,
  createElement,
  type ElementType,
  type MouseEvent,
  type ReactElement,
} from 'react'
import { type QuilttConnectorOptions, splitProps } from './options'
import { useQuilttConnector } from './use-quiltt-connector'

/** Props of the element rendered by `as`, less those named like connector options. */
export type ElementProps<T extends ElementType> = Omit<
  ComponentPropsWithoutRef<T>,
  keyof QuilttConnectorOptions | 'as'
>

/** {@link QuilttButton}'s props: every connector option, `as`, and the element's own props. */
export type QuilttButtonProps<T extends ElementType = 'button'> = QuilttConnectorOptions & {
  /** The element or component to render; a `<button type="button">` by default. */
  as?: T
} & ElementProps<T>

/**
 * A button that opens the Connector in a modal. Children and other props go to the element; an
 * `onClick` of yours runs first and can call `event.preventDefault()` to keep it closed.
 *
 * @example
 * <QuilttButton connectorId="abc123" token={token} onExitSuccess={(m) => save(m.connectionId)}>
 *   Link your bank
 * </QuilttButton>
 */
export function QuilttButton<T extends ElementType = 'button'>(
  props: QuilttButtonProps<T>,
): ReactElement {
  const { as, ...rest } = props as QuilttButtonProps<'button'>
  const [options, { onClick, ...attributes }] = splitProps(rest)
  const { open } = useQuilttConnector(options)
  return createElement(as ?? 'button', {
    type: as ? undefined : 'button',
    ...attributes,
    onClick(event: MouseEvent) {
      ;(onClick as ((event: MouseEvent) => void) | undefined)?.(event)
      // A failed open is reported to onError; the click handler has nothing to add.
      if (!event.defaultPrevented) open().catch(() => undefined)
    },
  })
}
