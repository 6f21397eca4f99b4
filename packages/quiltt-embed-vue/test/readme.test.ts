// The README's quick start (test/readme/link-bank.vue): its template is compiled in the page, as
// Vue's full build would, and rendered with what its <script setup> declares (the components,
// from the package's own entry, `save` and the `userId` prop). A click asks the token URL and
// opens Quiltt's Connector with that token; after another sign-in, the next click asks again.
import { type CompilerOptions, compile } from '@vue/compiler-dom'
import { QuilttButton, QuilttTokenProvider } from 'quiltt-embed-vue'
import { afterEach, expect, test } from 'vitest'
import * as Vue from 'vue'
import { defineComponent, h, nextTick, shallowRef } from 'vue'
import { cleanup, dialogs, makeToken, onCleanup } from '../../quiltt-embed/test/helpers'
import { answerTokenRequests } from '../../quiltt-embed/test/token-requests'
import { until } from '../../quiltt-embed-react/test/watch'
import { mount, unmountAll } from './mount'
import sfc from './readme/link-bank.vue?raw'
import { save } from './readme/save'

afterEach(() => {
  unmountAll()
  cleanup()
})

Vue.registerRuntimeCompiler((template: string, options: CompilerOptions) => {
  const { code } = compile(template, { ...options, mode: 'function' })
  const render = new Function('Vue', code)(Vue)
  render._rc = true
  return render
})

const template = /<template>([\s\S]*)<\/template>/.exec(sfc)![1]!
// What the sample's <script setup> declares, checked against its text.
expect(sfc).toContain("import { QuilttButton, QuilttTokenProvider } from 'quiltt-embed-vue'")
expect(sfc).toContain('defineProps<{ userId: string | undefined }>()')
const LinkBank = defineComponent({
  components: { QuilttButton, QuilttTokenProvider },
  props: ['userId'],
  setup: () => ({ save }),
  template,
})

async function openedToken() {
  const frame = await until(() => {
    const found = document.querySelector<HTMLIFrameElement>('[role="dialog"] iframe')
    expect(found?.src).toMatch(/^https:\/\/abc123\.quiltt\.app\//)
    return found!
  })
  return new URL(frame.src).searchParams.get('token')
}

test('the quick start: the token URL is asked at the click, and again after another sign-in', async () => {
  const tokens = [makeToken(), makeToken()]
  let answered = 0
  const requests = answerTokenRequests(
    () => Response.json({ token: tokens[answered++] }),
    onCleanup,
  )
  const userId = shallowRef<string | undefined>('alice')
  const { host } = mount(() => h(LinkBank, { userId: userId.value }))
  expect(host.querySelector('button')!.textContent!.trim()).toBe('Link your bank')
  host.querySelector('button')!.click()
  expect(await openedToken()).toBe(tokens[0])
  expect(requests.map((request) => new URL(request.url).pathname)).toEqual(['/api/quiltt/session'])
  document.querySelector<HTMLButtonElement>('[role="dialog"] button')!.click()
  await until(() => expect(dialogs()).toEqual([]))
  userId.value = undefined
  await nextTick()
  userId.value = 'bob'
  await nextTick()
  host.querySelector('button')!.click()
  expect(await openedToken()).toBe(tokens[1])
  expect(requests).toHaveLength(2)
})
