#!/usr/bin/env bash
# Proves that the hub publishes for both targets we ship (PC/NAS and Raspberry Pi) and that
# the published x64 build starts and answers /healthz.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT
for rid in linux-x64 linux-arm64; do
  build/publish.sh "$rid" "$out/$rid"
  test -f "$out/$rid/ChargingHub.Web.dll"
  echo "publish $rid: ok"
done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18089)
Hub__DataDirectory="$out/data" Hub__Security__BootstrapAdminPassword="publish-check-$RANDOM$RANDOM" \
  dotnet "$out/linux-x64/ChargingHub.Web.dll" --urls "http://127.0.0.1:$port" >"$out/hub.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then echo "published hub /healthz: ok"; exit 0; fi
  sleep 0.5
done
cat "$out/hub.log"; echo "published hub did not become healthy" >&2; exit 1
