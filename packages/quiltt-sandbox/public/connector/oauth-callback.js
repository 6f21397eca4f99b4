// @ts-check
// The OAuth return page (/oauth/callback): hands the query to the Connector that opened this
// window, addressed to our own exact origin, then closes.
const status = document.getElementById('callback-status')
const opener = /** @type {Window | null} */ (window.opener)
if (opener && !opener.closed) {
  const params = Object.fromEntries(new URLSearchParams(window.location.search))
  opener.postMessage(
    { source: 'quiltt', type: 'OAuthCallback', data: { url: window.location.href, params } },
    window.location.origin,
  )
  if (status) status.textContent = 'Returning to the Connector…'
  window.close()
}
