#!/usr/bin/env bash
# The SLO figure of the performance issue: one Theodolite-sized generic check (10 repetitions x
# 100,000 samples, about 30 MB of JSON, p99 per repetition, median over them) POSTed with curl to
# promsynth's `POST /` and to the original checker (Theodolite's slo-checker/generic, run by
# Debian's python3 with pandas, scipy, fastapi and uvicorn), both listening on 127.0.0.1 at once,
# requests alternating between them. Prints each side's answers and request times and the
# ratio of the medians.
# The original is not part of this repository: point THEODOLITE_DIR at a checkout of
# github.com/cau-se/theodolite, and install its runtime from Debian first:
#   apt-get install python3-pandas python3-scipy python3-fastapi python3-uvicorn
# Usage: THEODOLITE_DIR=DIR [PAUSE=seconds] bench/slo-vs-original.sh BINARY [REQUESTS]
set -euo pipefail
binary=${1:?usage: THEODOLITE_DIR=DIR slo-vs-original.sh BINARY [REQUESTS]}
requests=${2:-5}
app=${THEODOLITE_DIR:?set THEODOLITE_DIR to a checkout of cau-se/theodolite}/slo-checker/generic/app
[[ -f $app/main.py ]] || { echo "slo-vs-original: $app/main.py not found" >&2; exit 1; }
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

# The body bench_slo builds: Java-printed timestamps every 5 s, values as strings.
/usr/bin/python3 - "$work/body.json" <<'PY'
import sys
reps, samples = 10, 100_000
parts = []
for r in range(reps):
    start = 1634624674695 + r * 1_000_000_000
    rows = ", ".join('[%d.%012dE9, "%d"]' % ((start + 5000 * i) // 10**12, (start + 5000 * i) % 10**12,
                                            (i * 2654435761 + r) % 2**32 % 1_000_000) for i in range(samples))
    parts.append('[{"metric": {"consumergroup": "theodolite"}, "values": [' + rows + ']}]')
body = ('{"results": [' + ", ".join(parts) + '], "metadata": {"warmupSeconds": 60, "threshold": 2000000.0, '
        '"queryAggregation": "p99", "repetitionAggregation": "median", "operator": "lt"}}')
open(sys.argv[1], "w").write(body)
PY

free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {  # URL PID LOG
  for _ in $(seq 1 400); do
    curl -fs -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.05
  done
  echo "slo-vs-original: $1 did not come up" >&2; exit 1
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# POSTs the body to URL once; prints the seconds it took, and the answer on stderr.
post() {
  local seconds
  seconds=$(curl -s -o "$work/answer" -w '%{time_total}' -H 'Content-Type: application/json' --data-binary "@$work/body.json" "$1")
  echo "  $2: $(cat "$work/answer") in ${seconds} s" >&2
  echo "$seconds"
}

echo "body: $(stat -c %s "$work/body.json") bytes, $requests requests each" >&2
ours_port=$(free_port)
echo 'metrics: [{name: idle, generator: {kind: constant}}]' > "$work/config.yml"
"$binary" --config.file="$work/config.yml" --web.listen-address="127.0.0.1:$ours_port" 2> "$work/promsynth.log" &
pids+=($!)
wait_for "http://127.0.0.1:$ours_port/-/ready" "${pids[-1]}" "$work/promsynth.log"

theirs_port=$(free_port)
(cd "$app" && LOG_LEVEL=WARNING exec /usr/bin/python3 -m uvicorn main:app --host 127.0.0.1 --port "$theirs_port" \
   --log-level warning) 2> "$work/original.log" &
pids+=($!)
wait_for "http://127.0.0.1:$theirs_port/docs" "${pids[-1]}" "$work/original.log"

# Requests alternate between the two, so a slow spell of a shared machine lands on both sides. A
# pause after each lets the server that answered finish its clean-up (the original frees its
# frames after it has answered) before the other one is timed.
ours=() theirs=()
for _ in $(seq 1 "$requests"); do
  ours+=("$(post "http://127.0.0.1:$ours_port/" "promsynth")")
  sleep "${PAUSE:-1}"
  theirs+=("$(post "http://127.0.0.1:$theirs_port/" "original ")")
  sleep "${PAUSE:-1}"
done
o=$(printf '%s\n' "${ours[@]}" | median)
t=$(printf '%s\n' "${theirs[@]}" | median)
awk -v o="$o" -v t="$t" 'BEGIN { printf "median: promsynth %.3f s, original %.3f s: promsynth %.1fx faster\n", o, t, t / o }'
