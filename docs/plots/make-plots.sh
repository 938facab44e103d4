#!/usr/bin/env bash
# Draws the pictures of docs/signals.md with the project's own batch plotting:
#   docs/plots/make-plots.sh [path/to/promsynth]   (default build/promsynth)
# Each docs/plots/<name>.yml is generated offline over 120 one-second ticks from the epoch and its
# plot (one panel per metric) is written to docs/plots/<name>.png. Deterministic: the same binary
# draws the same pictures.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=${1:-$here/../../build/promsynth}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for config in "$here"/*.yml; do
  name=$(basename "$config" .yml)
  "$binary" generate -c "$config" -o "$work/$name" --start 0 --samples 120 --step 1s --no-progress >/dev/null
  cp "$work/$name/metrics.png" "$here/$name.png"
  echo "docs/plots/$name.png"
done
