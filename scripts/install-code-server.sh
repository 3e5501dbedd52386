#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) from npm into a cache directory outside the repository
# and prints the path of its launcher. A finished install is reused, so repeated runs take a moment.
#
# code-server builds native modules (kerberos needs libkrb5-dev) and its ripgrep dependency downloads a
# binary from GitHub at install time, which this machine cannot reach: the download cache is seeded with
# Debian's rg instead. Needs Node.js 20, npm, ripgrep and libkrb5-dev (scripts/test.sh installs them).
set -euo pipefail

version="${TONELSP_CODE_SERVER_VERSION:-4.100.3}"
# The ripgrep package and release that this code-server version pins (lib/vscode/npm-shrinkwrap.json).
ripgrep_package_version="1.15.11"
ripgrep_asset="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

prefix="${TONELSP_CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tonelsp/code-server-$version}"
launcher="$prefix/node_modules/.bin/code-server"
marker="$prefix/.tonelsp-install-complete"

if [ -f "$marker" ] && [ -x "$launcher" ]; then
  echo "$launcher"
  exit 0
fi

for tool in node npm rg; do
  command -v "$tool" >/dev/null || { echo "install-code-server: $tool is missing (apt-get install nodejs npm ripgrep)." >&2; exit 1; }
done
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != "20" ]; then
  echo "install-code-server: code-server $version needs Node.js 20, found $(node --version)." >&2
  exit 1
fi
if [ "$(uname -m)" != "x86_64" ]; then
  echo "install-code-server: the ripgrep seed is for x86_64 only, this machine is $(uname -m)." >&2
  exit 1
fi

# A half-finished install from an interrupted run is removed rather than trusted.
rm -rf "$prefix"
mkdir -p "$prefix"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# @vscode/ripgrep's postinstall looks for the release tarball in $TMPDIR/vscode-ripgrep-cache-VERSION/ first.
mkdir -p "$scratch/vscode-ripgrep-cache-$ripgrep_package_version" "$scratch/rg"
cp "$(command -v rg)" "$scratch/rg/rg"
tar -czf "$scratch/vscode-ripgrep-cache-$ripgrep_package_version/$ripgrep_asset" -C "$scratch/rg" rg

# node-gyp takes the Node.js headers from the local installation instead of downloading them.
nodedir_setting=()
if [ -f /usr/include/node/node.h ]; then
  nodedir_setting=(npm_config_nodedir=/usr)
fi

echo "install-code-server: installing code-server $version into $prefix" >&2
env TMPDIR="$scratch" npm_config_unsafe_perm=true npm_config_yes=true "${nodedir_setting[@]}" \
  npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "code-server@$version" >&2

[ -x "$launcher" ] || { echo "install-code-server: $launcher is missing after the install." >&2; exit 1; }
touch "$marker"
echo "$launcher"
