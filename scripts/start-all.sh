#!/usr/bin/env bash
# Starts the queue worker in the background and the API in the foreground, each with
# package.json's start script (so with its heap cap); stopping this script (Ctrl-C) stops
# both (npm passes SIGINT and SIGTERM on to the process it runs).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent start:worker &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
npm run --silent start:prod
