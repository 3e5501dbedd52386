#!/usr/bin/env bash
# Builds the release into artifacts/release/:
#   tonelsp.<version>.nupkg              the .NET tool package (dotnet tool install tonelsp --add-source artifacts/release)
#   tonelsp-<version>-<rid>.tar.gz       the native command line and server (Native AOT) per target
#   tonelsp-<version>.vsix               the generic VS Code extension (framework-dependent server, needs .NET 10)
#   tonelsp-<version>-<target>.vsix      platform extensions carrying the native server (no .NET needed)
#   SHA256SUMS                           checksums of all of the above
# and keeps each native publish in artifacts/native/<rid>/, which scripts/test.sh tests.
# The version comes from Directory.Build.props, the commit from Git. TONELSP_RIDS chooses the native targets
# (default: linux-x64 linux-arm64 win-x64 osx-arm64); a target that cannot be built here is listed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)
[ -n "$version" ] || { echo "No <Version> in Directory.Build.props." >&2; exit 1; }
release=artifacts/release
rm -rf "$release"
mkdir -p "$release"
built=()
skipped=()

echo "==> ToneLsp $version: the .NET tool package"
dotnet pack server/ToneLsp -c Release -nologo -v quiet -clp:ErrorsOnly -o "$release"
built+=("tonelsp.$version.nupkg")

# Native AOT compiles for the operating system it runs on; across architectures it needs that target's linker.
host_os=$(uname -s | tr '[:upper:]' '[:lower:]')
host_arch=$(uname -m)
case "$host_arch" in x86_64) host_arch=x64 ;; aarch64|arm64) host_arch=arm64 ;; esac
native_reason() {
  local rid=$1 os=${1%-*} arch=${1##*-}
  case "$os" in linux) [ "$host_os" = linux ] || { echo "Native AOT for Linux needs a Linux machine"; return; } ;;
    win) echo "Native AOT for Windows needs a Windows machine (the MSVC linker)"; return ;;
    osx) echo "Native AOT for macOS needs a Mac (the Xcode linker)"; return ;;
    *) echo "unknown target"; return ;;
  esac
  if [ "$arch" != "$host_arch" ] && ! command -v "${arch/arm64/aarch64}-linux-gnu-gcc" >/dev/null; then
    echo "cross-compiling to $arch needs the ${arch/arm64/aarch64}-linux-gnu toolchain and a sysroot, which this machine lacks"
  fi
}

for rid in ${TONELSP_RIDS:-linux-x64 linux-arm64 win-x64 osx-arm64}; do
  reason=$(native_reason "$rid")
  if [ -n "$reason" ]; then
    skipped+=("$rid: $reason")
    continue
  fi
  echo "==> Native AOT: $rid"
  native=artifacts/native/$rid
  rm -rf "$native"
  if ! dotnet publish server/ToneLsp -c Release -r "$rid" -p:PublishAot=true -p:TreatWarningsAsErrors=false \
       -o "$native" -nologo -v quiet -clp:ErrorsOnly; then
    skipped+=("$rid: the Native AOT publish failed")
    continue
  fi
  staging=$(mktemp -d)
  mkdir "$staging/tonelsp-$version-$rid"
  cp "$native/tonelsp" LICENSE THIRD-PARTY-NOTICES.txt server/ToneLsp.Core/Morphology/LICENSE-DATA.txt README.md "$staging/tonelsp-$version-$rid/"
  tar -C "$staging" -czf "$release/tonelsp-$version-$rid.tar.gz" --owner=0 --group=0 "tonelsp-$version-$rid"
  rm -rf "$staging"
  built+=("tonelsp-$version-$rid.tar.gz")
done

echo "==> VS Code extensions"
if ! [ -d node_modules ]; then
  npm ci --no-audit --no-fund
fi
# The extensions get the version of Directory.Build.props too, whatever package.json says (it is left unchanged).
vsce=(npx vsce package "$version" --no-update-package-json --no-git-tag-version --no-dependencies --allow-missing-repository
      --readme-path client-vscode/README.md)
env -u TONELSP_VSIX_SERVER "${vsce[@]}" --out "$release/tonelsp-$version.vsix"
built+=("tonelsp-$version.vsix")
for native in artifacts/native/*/; do
  rid=$(basename "$native")
  [ -f "$release/tonelsp-$version-$rid.tar.gz" ] || continue
  target=${rid/win-/win32-}
  target=${target/osx-/darwin-}
  TONELSP_VSIX_SERVER="$native" "${vsce[@]}" --target "$target" --out "$release/tonelsp-$version-$target.vsix"
  built+=("tonelsp-$version-$target.vsix")
done
# dist/server now holds the last native server; "npm run package" publishes the framework-dependent one again.

(cd "$release" && sha256sum "${built[@]}" > SHA256SUMS)

echo
echo "Built in $release:"
printf '  %s\n' "${built[@]}" SHA256SUMS
if [ "${#skipped[@]}" -gt 0 ]; then
  echo "Not built here:"
  printf '  %s\n' "${skipped[@]}"
fi
