// Server-side rendering (SPEC §10): @vue/server-renderer gives the markup, creates no Connector,
// calls no token provider and reads no browser global.
import { afterEach, expect, test, vi } from 'vitest'
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { watchBrowserGlobals } from '../../quiltt-embed-react/test/browser-globals'
import {
  QuilttButton,
  QuilttContainer,
  QuilttTokenProvider,
  useQuilttConnector,
} from '../src/index'

let globals: ReturnType<typeof watchBrowserGlobals> | undefined
afterEach(() => globals?.restore())

const State = defineComponent(() => {
  const { state } = useQuilttConnector({ connectorId: 'abc123' })
  return () => h('output', state.value)
})

test('renderToString renders the button, the container and the composable state, touching nothing', async () => {
  const provider = vi.fn(async () => 'never called')
  const onOpen = vi.fn()
  const app = createSSRApp({
    render: () =>
      h(QuilttTokenProvider, { token: provider }, () => [
        h(QuilttButton, { connectorId: 'abc123', class: 'cta', onOpen }, () => 'Link your bank'),
        h(QuilttContainer, { connectorId: 'abc123', id: 'inline', as: 'section' }),
        h(State),
      ]),
  })
  globals = watchBrowserGlobals()
  const html = await renderToString(app)
  const reads = [...globals.reads]
  globals.restore()
  expect(html).toBe(
    '<!--[--><button type="button" class="cta">Link your bank</button><section id="inline"></section><output>idle</output><!--]-->',
  )
  expect(reads).toEqual([])
  expect(provider).not.toHaveBeenCalled()
  expect(onOpen).not.toHaveBeenCalled()
})
