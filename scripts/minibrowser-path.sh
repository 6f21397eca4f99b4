# Sourced by ensure-tools.sh: where Debian's webkit2gtk-driver puts
# MiniBrowser, under the machine's multiarch directory (x86_64-linux-gnu, aarch64-linux-gnu, …).
# MINIBROWSER_PATH overrides it; before the package is installed, the path it will have.
minibrowser_path() {
  if [ -n "${MINIBROWSER_PATH:-}" ]; then echo "$MINIBROWSER_PATH"; return; fi
  local found
  for found in /usr/lib/*-linux-gnu*/webkit2gtk-4.1/MiniBrowser; do
    [ -x "$found" ] && { echo "$found"; return; }
  done
  echo "/usr/lib/$(uname -m)-linux-gnu/webkit2gtk-4.1/MiniBrowser"
}
