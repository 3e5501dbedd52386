#!/usr/bin/env bash
# Throughput of tonelsp check against alex (the best-known inconsiderate-writing linter) in one run: medians of
# five runs of tonelsp and three of alex.
# Builds 2000 documents (1000 German, 1000 English) from manual pages with ../shared/tools/make-corpus.sh, then
# times, including process start: tonelsp on the English half, alex on the English half, tonelsp on all.
# Usage: scripts/throughput.sh [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/tonelsp-corpus}
cache="${XDG_CACHE_HOME:-$HOME/.cache}/tonelsp/alex-11.0.1"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[ -d "$corpus/en" ] || bash ../shared/tools/make-corpus.sh "$corpus" 1000
if [ ! -x "$cache/node_modules/.bin/alex" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund --silent alex@11.0.1 >/dev/null
fi
# The published ReadyToRun build, as the VS Code extension ships it: less JIT at start-up.
dotnet publish server/ToneLsp -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false \
  -o artifacts/server-r2r -nologo -v quiet -clp:ErrorsOnly >/dev/null
tonelsp=(dotnet artifacts/server-r2r/tonelsp.dll check --format json)
# The same CLI compiled ahead of time (Native AOT: no runtime to start, no JIT), as a CI job would install it.
# It needs a C toolchain; when the build fails, the script says so and measures the .NET build alone.
native=()
if dotnet publish server/ToneLsp -c Release -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=false \
     -o artifacts/tonelsp-native -nologo -v quiet -clp:ErrorsOnly >/dev/null 2>&1; then
  native=(artifacts/tonelsp-native/tonelsp check --format json)
else
  echo "Native AOT build failed (it needs clang or gcc); measuring the .NET build only." >&2
fi

# Median seconds of wall time over RUNS runs of one command (the machines are noisy); exit codes (findings) do not matter.
median_seconds() {
  local runs=$1 start end times=()
  shift
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((runs + 1) / 2))p"
}

# Build servers linger after publishing and take CPU; the timings want a quiet machine.
dotnet build-server shutdown >/dev/null 2>&1 || true

english=$(find "$corpus/en" -name '*.md' | wc -l)
all=$(find "$corpus" -name '*.md' | wc -l)
t_tone_en=$(median_seconds 5 "${tonelsp[@]}" "$corpus/en")
t_alex_en=$(median_seconds 3 "$cache/node_modules/.bin/alex" "$corpus/en")
t_tone_all=$(median_seconds 5 "${tonelsp[@]}" "$corpus")
if [ "${#native[@]}" -gt 0 ]; then
  t_native_en=$(median_seconds 5 "${native[@]}" "$corpus/en")
  t_native_all=$(median_seconds 5 "${native[@]}" "$corpus")
fi
printf 'tonelsp check, English half: %d files in %.2f s = %.0f files/s\n' "$english" "$t_tone_en" "$(echo "$english / $t_tone_en" | bc -l)"
printf 'alex, English half:          %d files in %.2f s = %.0f files/s\n' "$english" "$t_alex_en" "$(echo "$english / $t_alex_en" | bc -l)"
printf 'tonelsp check, all:          %d files in %.2f s = %.0f files/s\n' "$all" "$t_tone_all" "$(echo "$all / $t_tone_all" | bc -l)"
printf 'ratio tonelsp / alex on the same files: %.1fx\n' "$(echo "$t_alex_en / $t_tone_en" | bc -l)"
if [ "${#native[@]}" -gt 0 ]; then
  printf 'tonelsp check (Native AOT), English half: %d files in %.2f s = %.0f files/s\n' "$english" "$t_native_en" "$(echo "$english / $t_native_en" | bc -l)"
  printf 'tonelsp check (Native AOT), all:          %d files in %.2f s = %.0f files/s\n' "$all" "$t_native_all" "$(echo "$all / $t_native_all" | bc -l)"
  printf 'ratio tonelsp (Native AOT) / alex on the same files: %.1fx\n' "$(echo "$t_alex_en / $t_native_en" | bc -l)"
fi
