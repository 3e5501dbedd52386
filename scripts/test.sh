#!/usr/bin/env bash
# Runs every test on a fresh machine: restores and builds the .NET solution, runs the C# tests
# (core, server, CLI, LSP in-process and over stdio), installs the client's npm packages and runs
# the client build, type check and end-to-end protocol tests against the real server,
# runs a bounded protocol fuzzing campaign against the real server (TONELSP_FUZZ_SECONDS, default 20), and
# builds the release (scripts/release.sh): the native build (Native AOT) must give the .NET build's reports and
# pass the protocol tests, a fuzzing campaign and the Neovim test as a server; the .NET tool package, installed
# into a temporary tool path, must give the same reports. Last it packages the VS Code extension (.vsix with the
# published server) and runs it in a real VS Code (code-server driven by Playwright in headless Chromium), and the
# release's linux-x64 extension there too with no dotnet on the PATH, and runs Neovim's built-in LSP client
# against the server.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

step() { echo; echo "==> $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

# The Debian packages the editor tests need: Chromium for Playwright, Neovim, and ripgrep and the
# Kerberos headers for code-server's install. Installed only when missing, and only where apt-get may run.
editor_packages=(chromium neovim ripgrep libkrb5-dev)
install_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
      return 1
    fi
  fi
  echo "Installing ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

step "Building the .NET solution"
dotnet build ToneLsp.sln -c Release -nologo -clp:ErrorsOnly || fail "dotnet build"

step "C# tests"
dotnet test ToneLsp.sln -c Release --no-build -nologo 2>&1 | tee "$log"
dotnet_status=${PIPESTATUS[0]}

step "Client: npm ci, build, type check, end-to-end protocol tests"
npm_status=0
if command -v npm >/dev/null; then
  { npm ci --no-audit --no-fund && npm run build && npm run typecheck; } || npm_status=$?
  if [ "$npm_status" -eq 0 ]; then
    TONELSP_DLL="$PWD/server/ToneLsp/bin/Release/net10.0/tonelsp.dll" npm test 2>&1 | tee -a "$log"
    npm_status=${PIPESTATUS[0]}
  fi
else
  echo "npm is not installed; install Node.js 20 or newer." >&2
  npm_status=1
fi

step "Protocol fuzzing: a bounded campaign against the real server"
fuzz_status=0
dotnet run --project tests/ToneLsp.LoadDriver -c Release --no-build -- --fuzz "${TONELSP_FUZZ_SECONDS:-20}" 2>&1 | tee -a "$log"
fuzz_status=${PIPESTATUS[0]}
if [ "$fuzz_status" -eq 0 ]; then fuzz_pass=1; fuzz_fail=0; else fuzz_pass=0; fuzz_fail=1; fi

# The editors' packages now: the release step runs the Neovim test with the native server too.
editor_packages_installed=1
install_packages "${editor_packages[@]}" || editor_packages_installed=0

step "Release (scripts/release.sh): the native build, the tool package and the extensions, each tested"
native_status=0
native_dir=artifacts/native/linux-x64
dotnet_cli=(dotnet server/ToneLsp/bin/Release/net10.0/tonelsp.dll)
declare -A dotnet_codes
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)
# Native AOT links with clang or gcc; a machine without either gets clang.
if ! command -v clang >/dev/null && ! command -v gcc >/dev/null && ! install_packages clang; then
  native_status=1
elif ! TONELSP_RIDS=linux-x64 scripts/release.sh; then
  echo "scripts/release.sh failed." >&2
  native_status=1
else
  for format in json sarif text; do
    # Findings make the exit code 1; the reports themselves must match byte for byte.
    "$native_dir/tonelsp" check --format "$format" examples >"$native_dir/native.$format" 2>&1
    native_code=$?
    "${dotnet_cli[@]}" check --format "$format" examples >"$native_dir/dotnet.$format" 2>&1
    dotnet_code=$?
    dotnet_codes[$format]=$dotnet_code
    if [ "$native_code" -ne "$dotnet_code" ] || ! cmp -s "$native_dir/native.$format" "$native_dir/dotnet.$format"; then
      echo "check --format $format differs between the native and the .NET build (exit $native_code vs $dotnet_code):" >&2
      diff "$native_dir/dotnet.$format" "$native_dir/native.$format" | head -20 >&2
      native_status=1
    fi
  done
  [ "$native_status" -eq 0 ] && echo "native build: check (json, sarif, text) matches the .NET build"

  # The native server passes the protocol end-to-end tests, a fuzzing campaign and, where Neovim is installed, the Neovim test.
  TONELSP_SERVER="$PWD/$native_dir/tonelsp" node --test client-vscode/test/protocol.test.mjs client-vscode/test/commands.test.mjs 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "The native server failed the protocol tests." >&2; native_status=1; }
  dotnet run --project tests/ToneLsp.LoadDriver -c Release --no-build -- --server "$native_dir/tonelsp" --fuzz "${TONELSP_NATIVE_FUZZ_SECONDS:-10}" 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "The native server failed the fuzzing campaign." >&2; native_status=1; }
  if command -v nvim >/dev/null; then
    TONELSP_SERVER="$PWD/$native_dir/tonelsp" node --test client-vscode/test/editors/neovim.test.mjs 2>&1 | tee -a "$log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "The native server failed the Neovim test." >&2; native_status=1; }
  fi

  # The tool package installs into a tool path from the release folder alone, and its reports equal the build's.
  tool_home=$(mktemp -d)
  printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /><add key="release" value="%s" /></packageSources></configuration>\n' \
    "$PWD/artifacts/release" >"$tool_home/nuget.config"
  if ! dotnet tool install tonelsp --version "$version" --tool-path "$tool_home/tools" --configfile "$tool_home/nuget.config" >/dev/null; then
    echo "dotnet tool install of artifacts/release/tonelsp.$version.nupkg failed." >&2
    native_status=1
  else
    "$tool_home/tools/tonelsp" --version | grep -q "^$version+" || { echo "The installed tool does not print version $version." >&2; native_status=1; }
    for format in json text; do
      "$tool_home/tools/tonelsp" check --format "$format" examples >"$tool_home/tool.$format" 2>&1
      tool_code=$?
      if [ "$tool_code" -ne "${dotnet_codes[$format]}" ] || ! cmp -s "$tool_home/tool.$format" "$native_dir/dotnet.$format"; then
        echo "check --format $format from the installed tool differs from the .NET build (exit $tool_code):" >&2
        diff "$native_dir/dotnet.$format" "$tool_home/tool.$format" | head -20 >&2
        native_status=1
      fi
    done
  fi
  rm -rf "$tool_home"
  (cd artifacts/release && sha256sum -c --quiet SHA256SUMS) || { echo "artifacts/release/SHA256SUMS does not match." >&2; native_status=1; }
fi
[ "$native_status" -eq 0 ] && echo "release: native check and server, tool package and checksums pass"
if [ "$native_status" -eq 0 ]; then native_pass=1; native_fail=0; else native_pass=0; native_fail=1; fi

step "Editors: package the .vsix, then VS Code (code-server + Playwright) and Neovim"
# After the release: VS Code also runs the linux-x64 extension it built (the native server) with no dotnet on the PATH.
editors_status=0
if [ "$npm_status" -ne 0 ] && ! [ -d node_modules ]; then
  echo "Skipped: the client's npm packages are not installed." >&2
  editors_status=1
elif [ "$editor_packages_installed" -ne 1 ]; then
  editors_status=1
elif ! npm run package; then
  echo "npm run package failed." >&2
  editors_status=1
else
  TONELSP_DLL="$PWD/server/ToneLsp/bin/Release/net10.0/tonelsp.dll" npm run test:editors 2>&1 | tee -a "$log"
  editors_status=${PIPESTATUS[0]}
fi

# One summary line over all runners: "N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
node_pass=$(grep -oE '^(# |ℹ )pass [0-9]+' "$log" | awk '{s+=$NF} END {print s+0}')
node_fail=$(grep -oE '^(# |ℹ )fail [0-9]+' "$log" | awk '{s+=$NF} END {print s+0}')
echo
echo "tests: $((passed + node_pass + fuzz_pass + native_pass)) passed, $((failed + node_fail + fuzz_fail + native_fail)) failed"
[ "$dotnet_status" -eq 0 ] || fail "C# tests"
[ "$npm_status" -eq 0 ] || fail "client tests"
[ "$fuzz_status" -eq 0 ] || fail "protocol fuzzing"
[ "$native_status" -eq 0 ] || fail "release (native build, tool package)"
[ "$editors_status" -eq 0 ] || fail "editor tests (VS Code, Neovim); screenshots and logs are in artifacts/vscode/"
