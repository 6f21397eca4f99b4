// What a test creates and `cleanup()` undoes: connectors made with `create`, elements it adopts
// into the page, functions it registers with `onCleanup`, and the messages received meanwhile.
import type { Connector, ConnectorOptions } from '../../src/index'
import { createConnector } from '../../src/index'
import { connectorUrl, uniqueId } from './origins'
import { forgetMessages } from './puppet-messages'
import { makeToken } from './session-tokens'

const created: Connector[] = []
const adopted: Element[] = []
const disposers: (() => void)[] = []

/** Registers a function `cleanup()` runs (after destroying connectors). */
export function onCleanup(dispose: () => void): void {
  disposers.push(dispose)
}

/** `createConnector` with the puppet's `connectorUrl`, a fresh id and a valid token; cleaned up. */
export function create(options: Partial<ConnectorOptions> = {}): Connector {
  const connector = createConnector({
    connectorId: uniqueId(),
    token: makeToken(),
    connectorUrl,
    ...options,
  })
  created.push(connector)
  return connector
}

/** Appends an element the test owns to `document.body`; removed in `cleanup()`. */
export function adopt<T extends Element>(element: T, parent: Element = document.body): T {
  parent.append(element)
  adopted.push(element)
  return element
}

export function makeContainer(id = uniqueId('host')): HTMLDivElement {
  const container = document.createElement('div')
  container.id = id
  return adopt(container)
}

/** Destroys every connector and removes every element the test created. Use in `afterEach`. */
export function cleanup(): void {
  for (const connector of created.splice(0)) connector.destroy()
  for (const element of adopted.splice(0)) element.remove()
  for (const dispose of disposers.splice(0).reverse()) dispose()
  forgetMessages()
}
