#!/usr/bin/env bash
# The browser the serve tests drive (src/cli/serve.browser.integration.test.ts): Debian's own
# chromium, from the distribution's packages like the rest of the lab. playwright-core launches
# this binary; no browser is ever downloaded. Idempotent: does nothing when it is there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup-browser: chromium is missing; run as root: apt-get install -y chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends chromium >/dev/null || { apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium >/dev/null; }
/usr/bin/chromium --version
