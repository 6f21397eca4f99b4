// QuilttButton: emits in both Vue spellings, `as`, the slot and attributes pass through, and the
// caller's click listener comes first.

import { type CompilerOptions, compile } from '@vue/compiler-dom'
import { afterEach, expect, test, vi } from 'vitest'
import * as Vue from 'vue'
import { defineComponent, h } from 'vue'
import {
  cleanup,
  connectorUrl,
  dialogs,
  makeToken,
  postFromFrame,
  quiltt,
  sync,
  uniqueId,
  waitForLiveFrame,
} from '../../quiltt-embed/test/helpers'
import { until } from '../../quiltt-embed-react/test/watch'
import { QuilttButton } from '../src/index'
import { mount, unmountAll } from './mount'

afterEach(() => {
  unmountAll()
  cleanup()
})

const options = () => ({ connectorId: uniqueId(), token: makeToken(), connectorUrl })

test('a <button type="button"> with the slot and attributes given', () => {
  const { host } = mount(() =>
    h(QuilttButton, { ...options(), class: 'cta', 'aria-describedby': 'hint', id: 'b' }, () => [
      h('strong', 'Link'),
      ' your bank',
    ]),
  )
  expect(host.innerHTML).toBe(
    '<button type="button" class="cta" aria-describedby="hint" id="b"><strong>Link</strong> your bank</button>',
  )
})

// Templates compile in the page, as with Vue's full build, so listeners are spelled as in an SFC.
Vue.registerRuntimeCompiler((template: string, options: CompilerOptions) => {
  const { code } = compile(template, { ...options, mode: 'function' })
  const render = new Function('Vue', code)(Vue)
  render._rc = true
  return render
})

const fromTemplate = (template: string, setup: () => Record<string, unknown>) =>
  defineComponent({ components: { QuilttButton }, setup, template })

test('@exit-success in a template and an onExitSuccess prop both hear the event', async () => {
  const kebab = vi.fn()
  const camel = vi.fn()
  const onExit = vi.fn()
  const props = options()
  const FromTemplate = fromTemplate(
    '<QuilttButton v-bind="props" @exit-success="kebab" @exit="onExit">Kebab</QuilttButton>',
    () => ({ props, kebab, onExit }),
  )
  const { host } = mount(() => h(FromTemplate))
  host.querySelector('button')!.click()
  let frame = await waitForLiveFrame(props.connectorId)
  postFromFrame(frame, quiltt('ExitSuccess', { connectionId: 'conn_1' }))
  await until(() => expect(kebab).toHaveBeenCalledTimes(1))
  expect(kebab.mock.calls[0]![0]).toMatchObject({ connectionId: 'conn_1' })
  expect(onExit).toHaveBeenCalledWith('exited.successful', expect.anything())

  const second = options()
  const { host: host2 } = mount(() =>
    h(QuilttButton, { ...second, onExitSuccess: camel }, () => 'Camel'),
  )
  host2.querySelector('button')!.click()
  frame = await waitForLiveFrame(second.connectorId)
  postFromFrame(frame, quiltt('ExitSuccess', { connectionId: 'conn_2' }))
  await until(() => expect(camel).toHaveBeenCalledTimes(1))
  expect(camel.mock.calls[0]![0]).toMatchObject({ connectionId: 'conn_2' })
})

const Fancy = defineComponent(
  (_props, { slots }) =>
    () =>
      h('a', { href: '#link' }, slots),
  {
    name: 'FancyLink',
  },
)

test('`as` renders another element or a component, which opens the Connector when clicked', async () => {
  const props = options()
  const { host } = mount(() => h(QuilttButton, { ...props, as: Fancy }, () => 'Link'))
  const link = host.querySelector('a')!
  expect(link.textContent).toBe('Link')
  expect(link.hasAttribute('type')).toBe(false)
  link.click()
  await waitForLiveFrame(props.connectorId)
  expect(dialogs()).toHaveLength(1)
})

test("the caller's click listener runs first; preventDefault() keeps the Connector closed", async () => {
  const props = options()
  const onClick = vi.fn((event: Event) => event.preventDefault())
  const onOpen = vi.fn()
  const { host } = mount(() => h(QuilttButton, { ...props, onClick, onOpen }, () => 'Link'))
  host.querySelector('button')!.click()
  expect(onClick).toHaveBeenCalledTimes(1)
  // Let a Connector that was (wrongly) opening reach its iframe: a round trip through another.
  const other = options()
  const { host: otherHost } = mount(() => h(QuilttButton, other, () => 'Other'))
  otherHost.querySelector('button')!.click()
  await sync(await waitForLiveFrame(other.connectorId))
  expect(onOpen).not.toHaveBeenCalled()
  expect(dialogs()).toHaveLength(1)
})
