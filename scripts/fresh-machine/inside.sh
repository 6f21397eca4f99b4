#!/usr/bin/env bash
# Runs inside check.sh's overlay chroot (never on a real machine: it purges packages).
[ -f /tmp/inside.sh ] && [ -d /tmp/clone ] || { echo "run scripts/fresh-machine/check.sh instead" >&2; exit 1; }
set -uo pipefail
export DEBIAN_FRONTEND=noninteractive
echo "== removing the packages inside the overlay only"
apt-get purge -y -qq chromium chromium-common chromium-sandbox firefox-esr webkit2gtk-driver xvfb redis-server redis-tools libwebkit2gtk-4.1-0 >/tmp/purge.log 2>&1 && apt-get autoremove --purge -y -qq >>/tmp/purge.log 2>&1 || { tail -5 /tmp/purge.log; exit 1; }
for b in /usr/bin/chromium /usr/bin/firefox-esr /usr/bin/WebKitWebDriver /usr/bin/redis-server /usr/bin/Xvfb /usr/lib/*-linux-gnu*/webkit2gtk-4.1/MiniBrowser; do
  [ -e "$b" ] && { echo "still present: $b"; exit 1; }
done
echo "absent: chromium firefox-esr WebKitWebDriver MiniBrowser Xvfb redis-server"
ls ~/.cache/ms-playwright 2>/dev/null && { echo "a Playwright cache exists"; exit 1; }
cd /tmp/clone
echo "== npm install (fresh clone)"
time npm install --no-audit --no-fund >/tmp/npm-install.log 2>&1 || { tail -20 /tmp/npm-install.log; exit 1; }
echo "== not root: npm test stops at once with one line"
mkdir -p /tmp/nobody-home && chown -R nobody /tmp/clone /tmp/nobody-home
setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp/nobody-home npm test >/tmp/nonroot.out 2>/tmp/nonroot.err
echo "exit code: $?"
echo "-- stdout:"; cat /tmp/nonroot.out; echo "-- stderr:"; cat /tmp/nonroot.err
chown -R root /tmp/clone
echo "== root: npm test's first step installs what is missing"
time bash scripts/ensure-tools.sh; echo "exit code: $?"
for b in /usr/bin/chromium /usr/bin/firefox-esr /usr/bin/WebKitWebDriver /usr/bin/redis-server /usr/bin/Xvfb /usr/lib/*-linux-gnu*/webkit2gtk-4.1/MiniBrowser; do
  [ -x "$b" ] && echo "installed: $b" || echo "MISSING: $b"
done
echo "== the step again: nothing to do"
time bash scripts/ensure-tools.sh; echo "exit code: $?"
echo "== first browser tests"
npm run build >/tmp/build.log 2>&1 || { tail -20 /tmp/build.log; exit 1; }
npx playwright test e2e/script-integrity.spec.ts 2>&1 | tail -6
echo "== Firefox ESR and WebKitGTK: one engine scenario file"
npx vitest run -c e2e/engines/vitest.config.ts e2e/engines/messages.scenario.ts 2>&1 | grep -E "✓|✗|×|FAIL|Test Files|Tests" | tail -30
npx vitest run --project sdk packages/quiltt-embed/test/inline.test.ts 2>&1 | grep -E "Test Files|Tests" 
npx vitest run --project node packages/quiltt-session/test/redis-store.test.js 2>&1 | grep -E "Test Files|Tests"
echo "== the registry test (publish, install from the local registry, type-check)"
npm run test:registry 2>&1 | tail -3
