// Mounts Vue apps for the binding's browser tests; every app is unmounted by unmountAll().
import { type App, createApp, type VNode } from 'vue'

const mounted: { app: App; host: HTMLElement }[] = []

/**
 * Mounts an app rendering `render()`; reactive state read there re-renders it. Errors thrown in
 * its renders, watchers and hooks go to `onError` when given (Vue's `app.config.errorHandler`).
 */
export function mount(render: () => VNode | VNode[], onError?: (error: unknown) => void) {
  const host = document.createElement('div')
  document.body.append(host)
  const app = createApp({ render })
  if (onError) app.config.errorHandler = onError
  app.mount(host)
  mounted.push({ app, host })
  return { host, unmount: () => app.unmount() }
}

export function unmountAll(): void {
  for (const { app, host } of mounted.splice(0)) {
    app.unmount()
    host.remove()
  }
}
