#!/usr/bin/env bash
# Checks the fresh-machine path of `npm install && npm test` without touching this machine: a
# copy-on-write overlay of / (writes go to a tmpfs) in a private mount namespace, chrooted into,
# where Chromium, Firefox ESR, WebKitGTK, Xvfb and redis-server are purged (inside the overlay
# only). There it clones this repo's HEAD, runs `npm install`, runs `npm test` as a non-root
# user (expected: one line naming what to install), runs npm test's first step as root (expected:
# it installs them from Debian's packages), then a first test in each engine and with Redis.
# Needs root, Debian with apt-get, and overlayfs. Usage: sudo bash scripts/fresh-machine/check.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(git -C "$here" rev-parse --show-toplevel)"
mnt="$(mktemp -d -t quiltt-fresh.XXXXXX)"
status=0
unshare -m --propagation private bash -c '
  set -euo pipefail
  mnt="$1" repo="$2" here="$3"
  mount -t tmpfs -o size=12G tmpfs "$mnt"
  mkdir -p "$mnt/upper" "$mnt/work" "$mnt/root"
  mount -t overlay overlay -o "lowerdir=/,upperdir=$mnt/upper,workdir=$mnt/work" "$mnt/root"
  for d in proc sys dev; do mount --rbind "/$d" "$mnt/root/$d"; done
  mount -t tmpfs tmpfs "$mnt/root/tmp"
  git clone -q --no-local "$repo" "$mnt/root/tmp/clone"
  cp "$here/inside.sh" "$mnt/root/tmp/inside.sh"
  chroot "$mnt/root" env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root TERM=dumb bash /tmp/inside.sh
' check "$mnt" "$repo" "$here" || status=$?
rmdir "$mnt"
exit "$status"
