#!/usr/bin/env bash
# Runs every test on a fresh machine: restores and builds the .NET solution, runs the C# tests
# (core, server, CLI, LSP in-process and over stdio), installs the client's npm packages and runs
# the client build, type check and end-to-end protocol tests against the real server.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

step() { echo; echo "==> $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

step "Building the .NET solution"
dotnet build ToneLsp.sln -c Release -nologo -clp:ErrorsOnly || fail "dotnet build"

step "C# tests"
dotnet test ToneLsp.sln -c Release --no-build -nologo 2>&1 | tee "$log"
dotnet_status=${PIPESTATUS[0]}

step "Client: npm ci, build, type check, end-to-end tests"
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

# One summary line over all runners: "N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
node_pass=$(grep -oE '^(# |ℹ )pass [0-9]+' "$log" | awk '{s+=$NF} END {print s+0}')
node_fail=$(grep -oE '^(# |ℹ )fail [0-9]+' "$log" | awk '{s+=$NF} END {print s+0}')
echo
echo "tests: $((passed + node_pass)) passed, $((failed + node_fail)) failed"
[ "$dotnet_status" -eq 0 ] || fail "C# tests"
[ "$npm_status" -eq 0 ] || fail "client tests"
