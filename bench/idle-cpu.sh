#!/usr/bin/env bash
# CPU a promsynth daemon uses with nobody scraping: starts it at N series (the macro benchmark's
# mix), waits until ready, then reads utime + stime from /proc/<pid>/stat over SECONDS and prints
# the share of one core, and the mean tick time from the self-metric.
# Usage: bench/idle-cpu.sh BUILD_DIR [N] [SECONDS]   (defaults: 1000000, 30)
set -euo pipefail
build=${1:?usage: idle-cpu.sh BUILD_DIR [N] [SECONDS]}
n=${2:-1000000}
seconds=${3:-30}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT
"$here/make-config.sh" "$n" mix > "$work/config.yml"
"$build/promsynth" --config.file="$work/config.yml" --web.listen-address=127.0.0.1:0 \
  --limits.max-series=100000000 2> "$work/daemon.log" &
pid=$!
port=""
for _ in $(seq 1 600); do
  port=$(grep -o 'msg=listening.* port=[0-9]*' "$work/daemon.log" | grep -o 'port=[0-9]*' | cut -d= -f2 || true)
  [ -n "$port" ] && curl -fs -o /dev/null "http://127.0.0.1:$port/-/ready" && break
  kill -0 $pid 2>/dev/null || { cat "$work/daemon.log"; exit 1; }
  sleep 0.1
done
sleep 2  # let start-up work settle before measuring
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks); t0=$(date +%s.%N)
sleep "$seconds"
after=$(ticks); t1=$(date +%s.%N)
metrics=$(curl -fs "http://127.0.0.1:$port/metrics" | grep '^promsynth_tick_duration_seconds_\(sum\|count\)')
sum=$(echo "$metrics" | awk '/_sum/{print $2}'); count=$(echo "$metrics" | awk '/_count/{print $2}')
echo "$n series, idle for $(printf '%.1f' "$(echo "$t1 - $t0" | bc)") s:" \
  "$(echo "scale=2; 100 * ($after - $before) / $hz / ($t1 - $t0)" | bc)% of one core," \
  "mean tick $(echo "scale=2; 1000 * $sum / $count" | bc) ms over $count ticks"
