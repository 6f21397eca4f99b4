/**
 * `document`'s own members. Document lets named elements shadow its properties (`<img
 * name="body">`, `<form name="createElement">`), and page markup is not trusted: a sanitizer that
 * keeps `name` would let it move our modal into an `<img>` or make `show()` throw halfway. These
 * read the real getters and methods from `Document.prototype`. Events go on `window`, whose named
 * elements never shadow what its prototypes define.
 */
const read = <T>(key: string): T =>
  Object.getOwnPropertyDescriptor(Document.prototype, key)!.get!.call(document)

export const documentBody = () => read<HTMLElement | null>('body')
export const documentRoot = () => read<HTMLElement>('documentElement')
export const documentHead = () => read<HTMLHeadElement>('head')
export const activeElement = () => read<HTMLElement | null>('activeElement')
export const documentScripts = () => read<HTMLCollectionOf<HTMLScriptElement>>('scripts')
export const isLoading = () => read<DocumentReadyState>('readyState') === 'loading'
export const currentScript = () => read<HTMLOrSVGScriptElement | null>('currentScript')

export const createElement = <K extends keyof HTMLElementTagNameMap>(tag: K) =>
  Document.prototype.createElement.call(document, tag) as HTMLElementTagNameMap[K]

export const querySelector = (selector: string) =>
  Document.prototype.querySelector.call(document, selector)

type Method = { [K in keyof Element]: Element[K] extends (...args: never) => unknown ? K : never }
/**
 * Calls an element's method as `Element.prototype` (or `EventTarget.prototype`) defines it. A
 * form's named controls shadow the form's own members (`<input name="getAttribute">`), and a
 * bound element's markup is not trusted.
 */
export const elementCall = <K extends Method[keyof Element]>(
  element: Element,
  method: K,
  ...args: Parameters<Element[K]>
): ReturnType<Element[K]> =>
  (Element.prototype[method] as (...args: unknown[]) => ReturnType<Element[K]>).apply(element, args)

/** `node.isConnected`, read from `Node.prototype` (a form's `<input name="isConnected">`). */
export const isConnected = (node: Node): boolean =>
  Object.getOwnPropertyDescriptor(Node.prototype, 'isConnected')!.get!.call(node)

/** `root.querySelectorAll`, through the prototype when `root` is the document or an element. */
export const querySelectorAll = <E extends Element>(root: ParentNode, selector: string) => [
  ...(root === document
    ? Document.prototype
    : root instanceof Element
      ? Element.prototype
      : root
  ).querySelectorAll.call<ParentNode, [string], NodeListOf<E>>(root, selector),
]
