// Server-side rendering (SPEC §10): renderToString gives the markup, creates no Connector, calls
// no token provider and reads no browser global.
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'
import { afterEach, expect, test, vi } from 'vitest'
import {
  QuilttButton,
  QuilttContainer,
  QuilttTokenProvider,
  useQuilttConnector,
} from '../src/index'
import { watchBrowserGlobals } from './browser-globals'

let globals: ReturnType<typeof watchBrowserGlobals> | undefined
afterEach(() => globals?.restore())

function State() {
  const { state } = useQuilttConnector({ connectorId: 'abc123' })
  return h('output', null, state)
}

test('renderToString renders the button, the container and the hook state, touching nothing', () => {
  const provider = vi.fn(async () => 'never called')
  const onOpen = vi.fn()
  globals = watchBrowserGlobals()
  const html = renderToString(
    h(
      QuilttTokenProvider,
      { token: provider },
      h(QuilttButton, { connectorId: 'abc123', className: 'cta', onOpen }, 'Link your bank'),
      h(QuilttContainer, { connectorId: 'abc123', id: 'inline', as: 'section' }),
      h(State),
    ),
  )
  const reads = [...globals.reads]
  globals.restore()
  expect(html).toBe(
    '<button type="button" class="cta">Link your bank</button><section id="inline"></section><output>idle</output>',
  )
  expect(reads).toEqual([])
  expect(provider).not.toHaveBeenCalled()
  expect(onOpen).not.toHaveBeenCalled()
})
