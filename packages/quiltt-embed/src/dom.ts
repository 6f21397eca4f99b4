/**
 * `document`'s own members. Document lets named elements shadow its properties (`<img
 * name="body">`, `<form name="createElement">`), and page markup is not trusted: a sanitizer that
 * keeps `name` would let it move our modal into an `<img>` or make `show()` throw halfway. These
 * read the real getters and methods from `Document.prototype`. Events go on `window`, whose named
 * elements never shadow what its prototypes define.
 */
const real = (key: string) => Object.getOwnPropertyDescriptor(Document.prototype, key)!
const read = <T>(key: string): T => real(key).get!.call(document)

export const documentBody = () => read<HTMLElement | null>('body')
export const documentRoot = () => read<HTMLElement>('documentElement')
export const documentHead = () => read<HTMLHeadElement>('head')
export const activeElement = () => read<HTMLElement | null>('activeElement')
export const documentScripts = () => read<HTMLCollectionOf<HTMLScriptElement>>('scripts')
export const isLoading = () => read<DocumentReadyState>('readyState') === 'loading'

export function createElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
): HTMLElementTagNameMap[K] {
  return real('createElement').value.call(document, tag)
}

export function querySelector(selector: string): Element | null {
  return real('querySelector').value.call(document, selector)
}
