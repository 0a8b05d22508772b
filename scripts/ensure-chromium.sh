#!/usr/bin/env bash
# Makes sure Debian's headless-capable Chromium is at /usr/bin/chromium, for the UI's browser tests
# (driven by playwright-core, which never downloads a browser of its own). Installs the chromium
# package as root when it is missing; does nothing when it is there.
set -euo pipefail
BROWSER=/usr/bin/chromium

if [ -x "$BROWSER" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: $BROWSER is missing, and only root can install it (apt-get install chromium)" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
"$BROWSER" --version
