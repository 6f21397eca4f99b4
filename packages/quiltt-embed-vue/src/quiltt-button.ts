import { defineComponent, h, mergeProps } from 'vue'
import {
  connectorProps,
  EVENTS,
  type QuilttComponent,
  type QuilttConnectorEmits,
  type QuilttConnectorProps,
} from './options'
import { useConnector } from './use-quiltt-connector'

/**
 * A button that opens the Connector in a modal. Every `createConnector` option is a prop, every
 * event an emit (`@exit-success`); the slot and other attributes go to the element (`as`, a
 * `<button type="button">` by default). A click listener of yours runs first and can call
 * `event.preventDefault()` to keep it closed.
 *
 * @example
 * <QuilttButton connector-id="abc123" :token="token" @exit-success="(m) => save(m.connectionId)">
 *   Link your bank
 * </QuilttButton>
 */
// The function form with explicit types keeps the declaration file naming quiltt-embed's exports.
export const QuilttButton: QuilttComponent = defineComponent<
  QuilttConnectorProps,
  QuilttConnectorEmits
>(
  (props, { attrs, emit, slots }) => {
    const { open } = useConnector(() => props, undefined, emit as never)
    return () => {
      const as = props.as ?? 'button'
      return h(
        as,
        mergeProps(as === 'button' ? { type: 'button' } : {}, attrs, {
          onClick(event: Event) {
            // A failed open is reported as `@error`; the click has nothing to add.
            if (!event.defaultPrevented) open().catch(() => undefined)
          },
        }),
        slots,
      )
    }
  },
  { inheritAttrs: false, props: connectorProps, emits: [...EVENTS] },
)
