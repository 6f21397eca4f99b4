// SPEC 6.1 in the engines. Wires up the host page's layouts that put the opener where apps do
// (host-page.ts writes their markup): a native <dialog> the page opens with showModal(), a body
// with pointer-events: none, a custom element with its button in an open shadow root. And reads
// what a scenario asserts: what a click at the centre of the Connector or of the close button
// reaches, where focus is through shadow roots, whether the page's dialog is open, whether a click
// reached the Connector or the page.
;((kit) => {
  const { messages, nameOf, dialog, frameOf, opener } = kit

  customElements.define(
    'bank-link',
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return
        const button = document.createElement('button')
        button.id = 'opener'
        button.type = 'button'
        button.textContent = 'Link your bank'
        this.attachShadow({ mode: 'open' }).append(button)
      }
    },
  )

  document.addEventListener('DOMContentLoaded', () => {
    const pageDialog = document.getElementById('page-dialog')
    document.getElementById('open-dialog')?.addEventListener('click', () => pageDialog.showModal())
    let saves = 0
    document.getElementById('save')?.addEventListener('click', () => {
      saves += 1
      document.getElementById('saved').textContent = `Saved ${saves}`
    })
    // As Radix leaves body while its dialog is open: only the page's own parts take pointer events.
    if (document.body.dataset.layout === 'pointer-events') {
      document.body.style.pointerEvents = 'none'
      for (const id of ['header', 'content'])
        document.getElementById(id).style.pointerEvents = 'auto'
    }
  })

  /** The focused element, looking through shadow roots. */
  const deepActive = () => {
    let active = document.activeElement
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
    return active
  }

  Object.assign(window.harness, {
    /** Focuses the opener, wherever the layout put it; names what has focus then. */
    focusOpener() {
      opener().focus()
      return nameOf(deepActive())
    },
    /** What has focus, through shadow roots, as a user would name it. */
    deepActive: () => nameOf(deepActive()),
    /** `inside` while focus is in the SDK's dialog; otherwise what has it. */
    focusInDialog() {
      const active = deepActive()
      return dialog()?.contains(active) ? 'inside' : nameOf(active)
    },
    /**
     * What a click at the centre of the SDK's Connector frame (`connector`) or close button
     * (`close`) reaches: `itself`, or the element that takes it instead.
     */
    hitAt(what) {
      const target = dialog().querySelector(what === 'close' ? 'button' : 'iframe')
      const { left, top, width, height } = target.getBoundingClientRect()
      const hit = document.elementFromPoint(left + width / 2, top + height / 2)
      return hit === target ? 'itself' : nameOf(hit)
    },
    pageDialog() {
      const element = document.getElementById('page-dialog')
      return { open: element.open, modal: element.matches(':modal') }
    },
    saved: () => document.getElementById('saved').textContent,
    /** How many clicks reached the buttons of the connector's frame (the puppet tells each). */
    connectorClicks: (connectorId) =>
      messages.filter(
        (event) =>
          event.source === frameOf(connectorId)?.contentWindow && event.data?.fixture === 'clicked',
      ).length,
  })
})(window.harnessKit)
