// @ts-check
import { searchBanks } from './banks.js'
import { h } from './dom.js'

/** @typedef {import('./banks.js').Bank} Bank */
/** @typedef {() => void} Action */

/**
 * One Connector step: an optional "Cancel" button (the only one named so on the screen), a
 * heading, then the body.
 * @param {{ title: string, onCancel?: Action }} frame
 * @param {...import('./dom.js').Child} body
 */
function screen({ title, onCancel }, ...body) {
  const cancel =
    onCancel && h('button', { type: 'button', class: 'link', onclick: onCancel }, 'Cancel')
  return h(
    'section',
    { class: 'screen', 'aria-labelledby': 'screen-title' },
    h('header', { class: 'bar' }, h('span', { class: 'brand', text: 'Quiltt Sandbox' }), cancel),
    h('h1', { id: 'screen-title', text: title }),
    ...body,
  )
}

/** @param {string} label @param {Action} onclick @param {boolean} [primary] */
const button = (label, onclick, primary = false) =>
  h('button', { type: 'button', class: primary ? 'primary' : 'secondary', onclick }, label)

/** @param {{ term: string, onPick: (bank: Bank) => void, onCancel: Action }} args */
export function bankList({ term, onPick, onCancel }) {
  const list = h('ul', { class: 'banks', 'aria-label': 'Institutions' })
  const empty = h('p', { role: 'status', class: 'muted' })
  const search = h('input', { id: 'bank-search', type: 'search', autocomplete: 'off' })
  search.value = term
  const render = () => {
    const banks = searchBanks(search.value)
    list.replaceChildren(
      ...banks.map((bank) =>
        h(
          'li',
          {},
          button(bank.name, () => onPick(bank)),
        ),
      ),
    )
    empty.textContent = banks.length ? '' : 'No institutions match your search.'
  }
  search.addEventListener('input', render)
  render()
  return screen(
    { title: 'Select your institution', onCancel },
    h('label', { for: 'bank-search', text: 'Search institutions' }),
    search,
    list,
    empty,
  )
}

/** @param {{ bank: Bank, onSubmit: (form: HTMLFormElement) => void, onBack: Action, onCancel: Action }} args */
export function credentials({ bank, onSubmit, onBack, onCancel }) {
  const form = h(
    'form',
    { class: 'stack' },
    h('label', { for: 'username', text: 'Username' }),
    h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true }),
    h('label', { for: 'password', text: 'Password' }),
    h('input', { id: 'password', name: 'password', type: 'password', required: true }),
    h('p', { role: 'status', class: 'muted', id: 'connect-status' }),
    h('button', { type: 'submit', class: 'primary' }, 'Connect'),
    button('Back', onBack),
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    onSubmit(form)
  })
  return screen(
    { title: `Log in to ${bank.name}`, onCancel },
    h('p', { class: 'muted', text: 'Any username and password work in the sandbox.' }),
    form,
  )
}

/** @param {{ bank: Bank, onDone: Action }} args */
export function connected({ bank, onDone }) {
  return screen(
    { title: 'Connected' },
    h('p', { text: `${bank.name} is now connected.` }),
    button('Done', onDone, true),
  )
}

/** @param {{ title: string, message: string, onClose: Action }} args */
export function errorScreen({ title, message, onClose }) {
  return screen({ title }, h('p', { role: 'alert', text: message }), button('Close', onClose, true))
}

/** @param {{ institutionName: string, onContinue: Action, onCancel: Action }} args */
export function reconnect({ institutionName, onContinue, onCancel }) {
  return screen(
    { title: `Reconnect ${institutionName}`, onCancel },
    h('p', { text: `Your connection to ${institutionName} needs to be refreshed.` }),
    button('Continue', onContinue, true),
  )
}

/** @param {{ bank: Bank, onContinue: Action, onBack: Action, onCancel: Action }} args */
export function oauthStart({ bank, onContinue, onBack, onCancel }) {
  return screen(
    { title: `Connect to ${bank.name}`, onCancel },
    h('p', { text: `You will sign in on ${bank.name}'s site and approve access.` }),
    button(`Continue to ${bank.name}`, onContinue, true),
    button('Back', onBack),
  )
}

/** @param {{ message: string, onCancel: Action }} args */
export function waiting({ message, onCancel }) {
  return screen(
    { title: 'Waiting for your bank…', onCancel },
    h('p', { role: 'status', text: message }),
  )
}

/** @param {{ reason: string, onRetry: Action, onCancel: Action }} args */
export function oauthCancelled({ reason, onRetry, onCancel }) {
  return screen(
    { title: 'Authorization was cancelled' },
    h('p', { text: reason }),
    button('Try again', onRetry, true),
    button('Cancel', onCancel),
  )
}
