#!/usr/bin/env bash
# Starts the queue worker in the background and the API in the foreground;
# stopping this script (Ctrl-C) stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
node dist/src/worker.js &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
node dist/src/main.js
