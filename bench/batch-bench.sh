#!/usr/bin/env bash
# End-to-end batch throughput: `promsynth generate` of the bench_batch config (10 gauges: four
# seed-001 pipelines, three sines, three uniforms) for SAMPLES samples each, CSV to /dev/null.
# Prints wall time, CPU time (user + sys, all threads) and samples per second of wall time.
# MIX `uniform` makes all ten gauges uniform draws instead: no value repeats in any column, the
# worst case for the CSV writer's memo of repeated values.
# Usage: bench/batch-bench.sh BINARY [SAMPLES] [RUNS] [MIX: seed001 (default) | uniform]
set -euo pipefail
binary=${1:?usage: batch-bench.sh BINARY [SAMPLES] [RUNS] [seed001|uniform]}
samples=${2:-1000000}
runs=${3:-3}
mix=${4:-seed001}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
{
  echo "global: {seed: 1, tick: 1s}"
  echo "metrics:"
  for i in $(seq 0 9); do
    echo "  - name: bench_metric_$i"
    echo "    help: A benchmark metric."
    if [[ $mix == uniform ]]; then
      echo "    generator: {kind: uniform, low: 0, high: 100}"
    elif (( i < 4 )); then
      echo "    generator: {kind: constant, value: 60, stages: [{noise: {distribution: gaussian, scale: 1}}, {step_size: 0.1}, {round: 6}]}"
    elif (( i < 7 )); then
      echo "    generator: {kind: sine, amplitude: 10, period: 1h, offset: 50}"
    else
      echo "    generator: {kind: uniform, low: 0, high: 100}"
    fi
  done
} > "$dir/bench.yml"
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S" -o "$dir/time" "$binary" generate --config.file "$dir/bench.yml" \
    --start 1700000000 --samples "$samples" --step 1s --format csv -o - --no-progress > /dev/null
  read -r wall user sys < "$dir/time"
  awk -v w="$wall" -v u="$user" -v s="$sys" -v n=$(( samples * 10 )) \
    'BEGIN { printf "wall %.2f s  cpu %.2f s  %.1f million samples/s (wall)  %.1f million/s per cpu-second\n", w, u + s, n / w / 1e6, n / (u + s) / 1e6 }'
done
