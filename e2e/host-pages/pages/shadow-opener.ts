// A web component whose button lives in its open shadow root, opening the Connector through the
// ESM build (as an app bundles it). After close, focus must come back to that button, inside
// the shadow root, not to body.
import { createConnector } from 'quiltt-embed'
import { pageConfig } from './page-config'

const { connectorId, connectorUrl, tokenUrl } = pageConfig()

class BankLink extends HTMLElement {
  connectedCallback(): void {
    if (this.shadowRoot) return
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = 'Link your bank'
    this.attachShadow({ mode: 'open' }).append(button)
    const connector = createConnector({ connectorId, connectorUrl, token: { url: tokenUrl } })
    button.addEventListener('click', () => {
      connector.open().catch(() => undefined)
    })
  }
}
customElements.define('bank-link', BankLink)

const root = document.getElementById('root')!
const heading = Object.assign(document.createElement('h1'), { textContent: 'Your accounts' })
const save = Object.assign(document.createElement('button'), { id: 'save', textContent: 'Save' })
const saved = Object.assign(document.createElement('output'), {
  id: 'saved',
  textContent: 'Saved 0',
})
root.append(heading, document.createElement('bank-link'), save, ' ', saved)
let saves = 0
save.addEventListener('click', () => {
  saves += 1
  saved.textContent = `Saved ${saves}`
})
