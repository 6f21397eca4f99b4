#!/usr/bin/env bash
# npm test's first step: makes sure the programs the tests drive exist — Chromium (Playwright and
# vitest), Firefox ESR, WebKitGTK's WebKitWebDriver + MiniBrowser under Xvfb (the engine runs),
# and redis-server (quiltt-session). Browsers cannot be downloaded by Playwright here; Debian's
# packages can. As root with apt-get, installs what is missing in one go; otherwise prints ONE
# line naming what to install and fails at once, before any test runner starts.
set -euo pipefail

# Debian puts MiniBrowser under the machine's multiarch directory (x86_64-linux-gnu, aarch64-linux-gnu,
# …); before the package is installed, the path it will have. MINIBROWSER_PATH overrides it.
minibrowser_path() {
  local found
  for found in /usr/lib/*-linux-gnu*/webkit2gtk-4.1/MiniBrowser; do
    [ -x "$found" ] && { echo "$found"; return; }
  done
  echo "/usr/lib/$(uname -m)-linux-gnu/webkit2gtk-4.1/MiniBrowser"
}
MINIBROWSER="${MINIBROWSER_PATH:-$(minibrowser_path)}"

have_chromium() {
  { [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; } ||
    [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ] ||
    compgen -G "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}/chromium-*/chrome-linux*/chrome" >/dev/null
}

# Debian package names of what is missing.
missing_packages() {
  local missing=()
  have_chromium || missing+=(chromium)
  [ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || missing+=(firefox-esr)
  { [ -x "${WEBKIT_DRIVER_PATH:-/usr/bin/WebKitWebDriver}" ] && [ -x "$MINIBROWSER" ]; } ||
    missing+=(webkit2gtk-driver)
  [ -x "${XVFB_PATH:-/usr/bin/Xvfb}" ] || missing+=(xvfb)
  command -v redis-server >/dev/null || missing+=(redis-server)
  echo "${missing[*]:-}"
}

missing="$(missing_packages)"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "npm test needs these programs: install them first (Debian/Ubuntu: sudo apt-get install -y $missing), then run npm test again." >&2
  exit 1
fi

log="$(mktemp -t quiltt-apt.XXXXXX)"
echo "Installing Debian's $missing for the tests (once; about a minute)…"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing; } >"$log" 2>&1; then
  echo "apt-get could not install $missing (its output is in $log): install them, then run npm test again." >&2
  exit 1
fi
rm -f "$log"
still="$(missing_packages)"
if [ -n "$still" ]; then
  echo "Installed, but still not found: $still (set CHROMIUM_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH, MINIBROWSER_PATH or XVFB_PATH to where they are)." >&2
  exit 1
fi
