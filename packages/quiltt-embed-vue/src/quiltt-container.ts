import { defineComponent, h, shallowRef } from 'vue'
import {
  connectorProps,
  EVENTS,
  type QuilttComponent,
  type QuilttConnectorEmits,
  type QuilttConnectorProps,
} from './options'
import { useConnector } from './use-quiltt-connector'

/**
 * An element (`as`, a `<div>` by default) with the Connector mounted inline in it, opened as soon
 * as it is mounted. Every `createConnector` option is a prop, every event an emit. Give it a size
 * with CSS.
 *
 * @example
 * <QuilttContainer connector-id="abc123" :token="token" style="height: 640px" @load="onLoad" />
 */
export const QuilttContainer: QuilttComponent = defineComponent<
  QuilttConnectorProps,
  QuilttConnectorEmits
>(
  (props, { emit }) => {
    const element = shallowRef<HTMLElement>()
    useConnector(() => props, element, emit as never)
    return () => h(props.as ?? 'div', { ref: element })
  },
  { props: connectorProps, emits: [...EVENTS] },
)
