// Mounts React trees for the binding's browser tests. flushSync renders and runs the effects of a
// render before returning, so no act() environment is needed; later updates are awaited with
// expect.poll. Every root is unmounted by cleanup().
import { createElement as h, type ReactNode, StrictMode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot, type Root } from 'react-dom/client'

const mounted: { root: Root; host: HTMLElement }[] = []

export function render(ui: ReactNode, { strict = true } = {}) {
  const host = document.createElement('div')
  document.body.append(host)
  const root = createRoot(host)
  const wrap = (node: ReactNode) => (strict ? h(StrictMode, null, node) : node)
  flushSync(() => root.render(wrap(ui)))
  mounted.push({ root, host })
  return {
    host,
    rerender: (next: ReactNode) => flushSync(() => root.render(wrap(next))),
    unmount: () => flushSync(() => root.unmount()),
  }
}

export function unmountAll(): void {
  for (const { root, host } of mounted.splice(0)) {
    flushSync(() => root.unmount())
    host.remove()
  }
}
