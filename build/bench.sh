#!/usr/bin/env bash
# The performance benchmarks (docs/benchmarks.md). Publishes the hub in Release (ReadyToRun, as shipped),
# builds the benchmark tool, and runs the named benchmarks (all of them by default); each starts its own hub
# process on a free loopback port with a fresh data directory.
#
# Usage: build/bench.sh [benchmark ...] [-- options passed to each benchmark]
#   build/bench.sh                       everything (about 20 minutes; mqtt needs Debian's mosquitto)
#   build/bench.sh throughput latency    a subset
#   build/bench.sh latency -- --seconds 30
# Environment:
#   BENCH_WAIT_LOAD=2    first wait (up to 40 minutes) until the 1-minute load average is below 2
#   BENCH_SKIP_BUILD=1   reuse the last build in artifacts/bench
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/bench
all=(throughput latency connections startup reserve expiry board mqtt)

names=()
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; extra=("$@"); break ;;
    *) names+=("$1"); shift ;;
  esac
done
[ ${#names[@]} -eq 0 ] && names=("${all[@]}")

# The connections benchmark opens thousands of sockets on each side.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "building (Release)..."
  # A fresh directory: publishing over an old one keeps files that are no longer produced as they were.
  rm -rf "$out/hub"
  build/publish.sh linux-x64 "$out/hub"
  dotnet build benchmarks/ChargingHub.Benchmarks/ChargingHub.Benchmarks.csproj -c Release -o "$out/tool" --nologo -v q
fi

if [ -n "${BENCH_WAIT_LOAD:-}" ]; then
  for _ in $(seq 1 80); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    awk -v l="$load" -v t="$BENCH_WAIT_LOAD" 'BEGIN { exit !(l < t) }' && break
    echo "load average $load, waiting for < $BENCH_WAIT_LOAD..."
    sleep 30
  done
fi

mkdir -p "$out"
log="$out/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cores: $(nproc)"
  lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core|Socket)' || true
  free -h | head -n 2
  echo "uptime: $(uptime)"
  echo "dotnet: $(dotnet --version)"
} | tee "$log"

status=0
for name in "${names[@]}"; do
  if [ "$name" = mqtt ] && ! command -v mosquitto >/dev/null; then
    echo "mqtt: skipped, mosquitto is not installed (apt-get install mosquitto)" | tee -a "$log"
    continue
  fi
  dotnet "$out/tool/ChargingHub.Benchmarks.dll" "$name" --hub "$out/hub" "${extra[@]}" 2>&1 | tee -a "$log" || status=1
done
echo "results: $log"
exit $status
