// A browser app's use of the published SDK and bindings, type-checked as installed from the
// registry (strict, exactOptionalPropertyTypes, skipLibCheck: false). Never run: only checked.

import type { ConnectorErrorCode, ConnectorEvents, ConnectorOptions } from 'quiltt-embed'
import {
  autoBind,
  type ConnectorError,
  createConnector,
  scriptTransport,
  version,
} from 'quiltt-embed'
import {
  QuilttButton as ReactButton,
  QuilttContainer as ReactContainer,
  QuilttTokenProvider as ReactTokenProvider,
  useQuilttConnector as useReactConnector,
} from 'quiltt-embed-react'
import {
  useQuilttConnector as useVueConnector,
  QuilttButton as VueButton,
  QuilttContainer as VueContainer,
} from 'quiltt-embed-vue'
import { createElement } from 'react'
import { defineComponent, h } from 'vue'

const options: ConnectorOptions = {
  connectorId: 'abc123',
  token: () =>
    fetch('/api/quiltt/session', { method: 'POST' })
      .then((response) => response.json())
      .then((body: { token: string }) => body.token),
  onExitSuccess: (metadata) => console.log(metadata.connectionId),
}

const connector = createConnector(options)
const off = connector.on('exit', (type, metadata) => console.log(type, metadata.connectorId))
connector.on('error', (error: ConnectorError) => {
  const code: ConnectorErrorCode = error.code
  console.log(code)
})
void connector.open().finally(off)
createConnector({ connectorId: 'abc123', token: 'jwt', transport: scriptTransport })
const unbind: () => void = autoBind(document, { token: { url: '/api/quiltt/session' } })
unbind()
const listener: ConnectorEvents['exitSuccess'] = (metadata) => console.log(metadata)
console.log(version.length, listener)

// React: a hook, a button, a container, a provider.
export function ReactApp() {
  const { open, state } = useReactConnector({ connectorId: 'abc123', token: 'jwt' })
  return createElement(
    ReactTokenProvider,
    { token: () => Promise.resolve('jwt') },
    createElement(ReactButton, { connectorId: 'abc123', onExitSuccess: () => open() }, state),
    createElement(ReactContainer, { connectorId: 'abc123' }),
  )
}

// Vue: a composable, a button and a container.
export const VueApp = defineComponent({
  setup() {
    const { open, state } = useVueConnector({ connectorId: 'abc123', token: 'jwt' })
    return () => [
      h(VueButton, { connectorId: 'abc123', token: 'jwt', onExitSuccess: () => open() }, () =>
        String(state.value),
      ),
      h(VueContainer, { connectorId: 'abc123', token: 'jwt' }),
    ]
  },
})
