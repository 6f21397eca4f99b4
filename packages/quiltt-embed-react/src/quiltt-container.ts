import { createElement, type ElementType, type ReactElement, useRef } from 'react'
import { type QuilttConnectorOptions, splitProps } from './options'
import type { ElementProps } from './quiltt-button'
import { useConnector } from './use-quiltt-connector'

/** {@link QuilttContainer}'s props: every connector option, `as`, and the element's own props. */
export type QuilttContainerProps<T extends ElementType = 'div'> = QuilttConnectorOptions & {
  /** The element to render and mount the Connector in; a `<div>` by default. */
  as?: T
} & ElementProps<T>

/**
 * An element with the Connector mounted inline in it, opened as soon as the element is mounted.
 * Give it a size with CSS; the Connector fills it.
 *
 * @example
 * <QuilttContainer connectorId="abc123" token={token} style={{ height: 640 }} />
 */
export function QuilttContainer<T extends ElementType = 'div'>(
  props: QuilttContainerProps<T>,
): ReactElement {
  const { as, ...rest } = props as QuilttContainerProps<'div'>
  const [options, attributes] = splitProps(rest)
  const element = useRef<HTMLElement>(null)
  useConnector(options, element)
  return createElement(as ?? 'div', { ...attributes, ref: element })
}
