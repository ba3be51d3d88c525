#!/usr/bin/env bash
# The console's browser tests drive the system Chromium (playwright-core downloads no browser).
# Installs it, with Japanese fonts for the screenshots, when it is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Chromium is missing; installing it with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
