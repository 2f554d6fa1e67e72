#!/usr/bin/env bash
# The whole test suite, from a fresh Debian machine with the .NET 10 SDK: installs what the tests need
# (Mosquitto, Chromium, Node.js/npm, the npm packages), builds, proves the hub publishes for x64 and arm64,
# and runs every test. Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || need_apt+=(mosquitto)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
command -v flock >/dev/null 2>&1 || need_apt+=(util-linux)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

npm ci --no-audit --no-fund --loglevel=error
dotnet build ChargingHub.sln -c Release --nologo -v q
build/publish-check.sh

log="$(mktemp)"
status=0
dotnet test ChargingHub.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$log" || status=$?
# One closing line for the whole suite, summed over the test assemblies.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{ n += $2 } END { print n + 0 }')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{ n += $2 } END { print n + 0 }')
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed"
exit $status
