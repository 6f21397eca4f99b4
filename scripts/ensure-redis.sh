#!/usr/bin/env bash
# Makes sure `redis-server` exists for quiltt-session's tests, which start their own on a free
# loopback port. As root with apt-get, install Debian's package; otherwise say what is missing.
set -euo pipefail
if command -v redis-server >/dev/null; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's redis-server for the quiltt-session tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  exit 0
fi
echo "redis-server is missing: install Redis (e.g. apt-get install redis-server) for npm test." >&2
exit 1
