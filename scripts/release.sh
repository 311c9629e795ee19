#!/usr/bin/env bash
# Builds what users install: esmctl as one self-contained, single-file, ReadyToRun executable per platform
# (no .NET needed on the machine that runs it), with SHA-256 checksums.
#
#   scripts/release.sh [OUT]        default OUT: artifacts/release
#   ESMCTL_RIDS="linux-x64"         only these runtime identifiers (default: linux-x64 linux-arm64)
#
# Writes OUT/esmctl-VERSION-RID for each RID and OUT/SHA256SUMS (the format `sha256sum -c` reads). Then runs the
# binary built for this machine on a copy of examples/ with an empty PATH and no DOTNET_ROOT, and, where it can
# (root and unshare), with the .NET installation hidden from it too: the release must not need a .NET runtime.
# The GitHub release workflow (.github/workflows/release.yml) runs exactly this script.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-artifacts/release}"
rids="${ESMCTL_RIDS:-linux-x64 linux-arm64}"
version="$(sed -n 's:.*<EsmctlVersion>\(.*\)</EsmctlVersion>.*:\1:p' Directory.Build.props)"
[ -n "$version" ] || { echo "release.sh: no EsmctlVersion in Directory.Build.props" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/esmctl-release-XXXXXX")"
trap 'rm -rf "$work"' EXIT

for rid in $rids; do
  echo "release.sh: publishing esmctl $version for $rid" >&2
  # Self-contained single file, precompiled (ReadyToRun) so the first command starts fast; no .pdb beside it.
  dotnet publish src/Esmctl/Esmctl.csproj -c Release -r "$rid" --self-contained \
    -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:DebugType=none \
    -o "$work/$rid" -nologo -v q
  cp "$work/$rid/esmctl" "$out/esmctl-$version-$rid"
  chmod 0755 "$out/esmctl-$version-$rid"
done

(cd "$out" && sha256sum esmctl-"$version"-* > SHA256SUMS && sha256sum -c SHA256SUMS >&2)

# Smoke test: the binary for this machine plans the examples with no .NET reachable.
case "$(uname -m)" in
  x86_64) host=linux-x64 ;;
  aarch64 | arm64) host=linux-arm64 ;;
  *) host="" ;;
esac
binary="$out/esmctl-$version-$host"
if [ -n "$host" ] && [ -x "$binary" ]; then
  cp -r examples "$work/examples"
  mkdir -p "$work/empty-path" "$work/home"
  smoke=(env -i HOME="$work/home" PATH="$work/empty-path" NO_COLOR=1 "$binary" plan examples/)
  dotnet_home="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  if [ "$(id -u)" = 0 ] && command -v unshare > /dev/null && [ -d "$dotnet_home" ] \
     && unshare -m --propagation private true 2> /dev/null; then
    # A private mount namespace in which the .NET installation is an empty directory.
    (cd "$work" && unshare -m --propagation private sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' \
      sh "$work/empty-path" "$dotnet_home" "${smoke[@]}") > "$work/plan.txt"
    echo "release.sh: $host binary ran with $dotnet_home hidden, PATH empty, DOTNET_ROOT unset" >&2
  else
    (cd "$work" && "${smoke[@]}") > "$work/plan.txt"
    echo "release.sh: $host binary ran with PATH empty and DOTNET_ROOT unset" >&2
  fi
  grep -Eq "^Plan: [0-9]+ to create" "$work/plan.txt" || { cat "$work/plan.txt" >&2; echo "release.sh: smoke test failed" >&2; exit 1; }
  "$binary" --version >&2
fi

ls -l "$out" >&2
