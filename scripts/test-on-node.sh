#!/usr/bin/env bash
# Runs the tests on another line of Node than the machine's: `bash scripts/test-on-node.sh 24`.
# That Node comes from the npm registry's `node` package, kept in node_modules/.cache/node-VERSION
# so a second run starts at once; it goes first on the PATH, so npm, jest, the build and every
# process the tests start run on it. A second argument names another npm script than `test`.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: bash scripts/test-on-node.sh VERSION [npm script]}"
script="${2:-test}"
dir="node_modules/.cache/node-$version"
bin="$PWD/$dir/node_modules/node/bin"
if ! "$bin/node" --version >/dev/null 2>&1; then
  echo "Fetching Node $version from the npm registry into $dir"
  rm -rf "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "node@$version"
  "$bin/node" --version >/dev/null || { echo "npm's node@$version gave no runnable node in $bin"; exit 1; }
fi
export PATH="$bin:$PATH"
echo "Testing on Node $(node --version) with npm $(npm --version)"
npm run "$script"
