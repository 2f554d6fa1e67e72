#!/usr/bin/env bash
# The Dockerfile's build step, kept here so that CI exercises it (no Docker engine runs in CI).
# Usage: build/publish.sh RUNTIME OUTPUT_DIR   e.g. build/publish.sh linux-arm64 ./publish/arm64
# ReadyToRun pre-compiles the assemblies: the hub starts in about half the time, which matters on a Pi.
set -euo pipefail
runtime="${1:?runtime identifier, e.g. linux-x64 or linux-arm64}"
out="${2:?output directory}"
cd "$(dirname "$0")/.."
dotnet publish src/ChargingHub.Web/ChargingHub.Web.csproj -c Release -r "$runtime" \
  --self-contained false -p:PublishReadyToRun=true -o "$out" --nologo -v q
