// For the server-side rendering tests: browser globals that Node lacks, defined as getters that
// record every read (and give `undefined`, as on a real server), so a test can assert that
// rendering touched none of them.
const NAMES = [
  'window',
  'document',
  'navigator',
  'location',
  'self',
  'localStorage',
  'sessionStorage',
  'HTMLElement',
  'Element',
  'Node',
  'MutationObserver',
  'IntersectionObserver',
  'matchMedia',
  'requestAnimationFrame',
  'addEventListener',
  'postMessage',
  'fetch',
] as const

/** Installs the getters; returns the names read so far and a function that removes them. */
export function watchBrowserGlobals(): { reads: string[]; restore(): void } {
  const reads: string[] = []
  const saved = NAMES.map(
    (name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const,
  )
  for (const name of NAMES) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        reads.push(name)
        return undefined
      },
    })
  }
  return {
    reads,
    restore() {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor)
        else delete (globalThis as Record<string, unknown>)[name]
      }
    },
  }
}
