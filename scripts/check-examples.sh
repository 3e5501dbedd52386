#!/usr/bin/env bash
# Builds tonelsp and checks the bundled example templates. Findings are expected: the examples
# show what ToneLsp reports. Exit 0 when the check ran (with or without findings), 2 on errors.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build server/ToneLsp -c Release -v quiet -nologo -clp:ErrorsOnly >/dev/null
status=0
dotnet server/ToneLsp/bin/Release/net10.0/tonelsp.dll check examples "$@" || status=$?
if [ "$status" -eq 1 ]; then
  echo "(exit code 1: the examples contain tone findings, as intended)"
  exit 0
fi
exit "$status"
