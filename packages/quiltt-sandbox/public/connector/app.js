// @ts-check
// The sandbox Connector: reads the data block the server rendered, drives the Connect or
// Reconnect flow and reports to the embedding page through the messenger.

import { createConnection } from './api.js'
import { findBank } from './banks.js'
import { show } from './dom.js'
import { createMessenger } from './messenger.js'
import { authorizeWithPopup, awaitRelayedCallback, newState } from './oauth.js'
import * as screens from './screens.js'

/**
 * @typedef {import('./banks.js').Bank} Bank
 * @typedef {object} ConnectorData
 * @property {'connect' | 'reconnect' | 'error'} flow
 * @property {string | null} parentOrigin
 * @property {string | null} appLauncherUrl
 * @property {boolean} suppressLoad
 * @property {{ id: string }} connectorSession
 * @property {string} [profileId]
 * @property {string} [token]
 * @property {string | null} [institution]
 * @property {{ id: string, institution: { id: string, name: string } }} [connection]
 * @property {{ title: string, message: string }} [error]
 */

const dataElement = document.getElementById('quiltt-connector-data')
/** @type {ConnectorData} */
const data = JSON.parse(dataElement?.textContent ?? '{}')
const root = /** @type {HTMLElement} */ (document.getElementById('app'))
const messenger = createMessenger({ ...data, connectorSession: data.connectorSession })
const abort = () => messenger.exit('ExitAbort')
/** Stops any OAuth wait in progress when the user leaves that step. */
let stopOAuth = () => {}
let loaded = false

/** @param {HTMLElement} screen */
function render(screen) {
  show(root, screen)
  if (!loaded && !data.suppressLoad) messenger.post('Load')
  loaded = true
}

/** @param {{ title: string, message: string }} error @param {boolean} [immediate] */
function fail(error, immediate = false) {
  stopOAuth()
  render(screens.errorScreen({ ...error, onClose: () => messenger.exit('ExitError') }))
  // Errors found before the user did anything (bad session, unknown Connection) end the flow.
  if (immediate) messenger.exit('ExitError')
}

/** @param {string} term */
function pickBank(term) {
  render(screens.bankList({ term, onPick: chooseBank, onCancel: abort }))
}

/** @param {Bank} bank */
function chooseBank(bank) {
  const onBack = () => pickBank('')
  if (bank.login === 'oauth') {
    render(screens.oauthStart({ bank, onBack, onCancel: cancelAll, onContinue: () => oauth(bank) }))
    return
  }
  const onSubmit = async (/** @type {HTMLFormElement} */ form) => {
    const submit = form.querySelector('button[type="submit"]')
    submit?.setAttribute('disabled', '')
    const status = form.querySelector('#connect-status')
    if (status) status.textContent = `Connecting to ${bank.name}…`
    await finish(bank)
  }
  render(screens.credentials({ bank, onSubmit, onBack, onCancel: abort }))
}

/** @param {Bank} bank @param {string} [code] */
async function finish(bank, code) {
  const result = await createConnection(data.token ?? '', bank.id, code)
  if (!result.ok) {
    fail({
      title: 'Connection failed',
      message: `We could not connect to ${bank.name}. ${result.message}.`,
    })
    return
  }
  messenger.setConnectionId(result.connectionId)
  render(screens.connected({ bank, onDone: () => messenger.exit('ExitSuccess') }))
}

function cancelAll() {
  stopOAuth()
  abort()
}

/** @param {Bank} bank */
function oauth(bank) {
  stopOAuth()
  const state = newState()
  const onCode = (/** @type {string} */ code) => finish(bank, code)
  if (data.appLauncherUrl) {
    // Webviews cannot open popups: ask the host to open the bank, then wait for its relay.
    if (!data.parentOrigin) {
      fail({ title: 'Cannot open your bank', message: 'This Connector has no embedding page.' })
      return
    }
    const url = new URL('https://oauth.sandbox.quiltt.invalid/authorize')
    url.searchParams.set('state', state)
    url.searchParams.set('redirect_uri', data.appLauncherUrl)
    stopOAuth = awaitRelayedCallback({ state, parentOrigin: data.parentOrigin, onCode })
    render(screens.waiting({ message: `Finish signing in to ${bank.name}.`, onCancel: cancelAll }))
    messenger.post('Navigate', { url: url.href })
    return
  }
  const onCancelled = (/** @type {string} */ reason) =>
    render(screens.oauthCancelled({ reason, onRetry: () => oauth(bank), onCancel: cancelAll }))
  // Still inside the click that asked for OAuth, so the popup is not blocked; a blocked one
  // replaces this screen with the cancelled one straight away.
  render(screens.waiting({ message: `Finish in the ${bank.name} window.`, onCancel: cancelAll }))
  stopOAuth = authorizeWithPopup({ state, onCode, onCancelled })
}

function start() {
  if (data.flow === 'error' || !data.token) {
    fail(data.error ?? { title: 'Something went wrong', message: 'Please try again.' }, true)
  } else if (data.flow === 'reconnect' && data.connection) {
    const { id, institution } = data.connection
    messenger.setConnectionId(id)
    const onContinue = () => messenger.exit('ExitSuccess')
    render(screens.reconnect({ institutionName: institution.name, onContinue, onCancel: abort }))
  } else {
    const bank = findBank(data.institution)
    if (bank) chooseBank(bank)
    else pickBank(data.institution ?? '')
  }
}

start()
