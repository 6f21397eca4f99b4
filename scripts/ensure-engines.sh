#!/usr/bin/env bash
# Makes sure Firefox ESR and WebKitGTK (WebKitWebDriver + MiniBrowser, under Xvfb) exist for
# `npm run test:browsers`. Playwright cannot provide either here; Debian's packages can. As root
# with apt-get, install what is missing; otherwise say what is missing and fail, never skip.
set -euo pipefail
MINIBROWSER="${MINIBROWSER_PATH:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}"
missing=()
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || missing+=(firefox-esr)
{ [ -x "${WEBKIT_DRIVER_PATH:-/usr/bin/WebKitWebDriver}" ] && [ -x "$MINIBROWSER" ]; } || missing+=(webkit2gtk-driver)
[ -x "${XVFB_PATH:-/usr/bin/Xvfb}" ] || missing+=(xvfb)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's ${missing[*]} for the Firefox and WebKit runs…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The Firefox and WebKit runs need: ${missing[*]} (Debian: apt-get install ${missing[*]})." >&2
exit 1
