#!/usr/bin/env bash
# The Dockerfile's build step, kept here so that CI exercises it (no Docker engine runs in CI).
# Usage: build/publish.sh RUNTIME OUTPUT_DIR   e.g. build/publish.sh linux-arm64 ./publish/arm64
#
# linux-x64 is published ReadyToRun (pre-compiled: the hub starts in about half the time).
# Other targets are published portable (framework-dependent IL, `dotnet ChargingHub.Web.dll`), because our
# package registry has no runtime pack for them; SQLite's native library for every Linux target ships in
# runtimes/, and the script checks that the one for RUNTIME is there.
set -euo pipefail
runtime="${1:?runtime identifier, e.g. linux-x64 or linux-arm64}"
out="${2:?output directory}"
cd "$(dirname "$0")/.."
project=src/ChargingHub.Web/ChargingHub.Web.csproj
if [ "$runtime" = "linux-x64" ]; then
  dotnet publish "$project" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" --nologo -v q
else
  dotnet publish "$project" -c Release -p:UseAppHost=false -o "$out" --nologo -v q
  native="$out/runtimes/$runtime/native/libe_sqlite3.so"
  [ -f "$native" ] || { echo "no SQLite native library for $runtime in the publish output ($native)" >&2; exit 1; }
fi
