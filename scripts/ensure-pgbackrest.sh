#!/usr/bin/env bash
# The point-in-time restore test drives the system pgBackRest, the tool deploy/ configures for the office server.
# Installs it from Debian's packages when it is missing.
set -euo pipefail
if [ -x /usr/bin/pgbackrest ]; then exit 0; fi
echo "pgBackRest is missing; installing it with apt-get"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq pgbackrest >/dev/null
