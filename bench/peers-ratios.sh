#!/usr/bin/env bash
# Reads the table printed by ../shared/peers/run-peers.sh (with PROMSYNTH set) on stdin and prints,
# per size, promsynth's ratios against the same-run peers next to the goals of the performance issue.
# Usage: run-peers.sh 100000 1000000 | bench/peers-ratios.sh
set -euo pipefail
awk '
  $1 ~ /^(go|python|prometheus-cpp|floor|promsynth)$/ && $3 ~ /^[0-9.]+$/ {
    n = $2; sizes[n] = 1
    ready[$1, n] = $3; p50[$1, n] = $4; gz[$1, n] = $6; bps[$1, n] = $9
  }
  function ratio(a, b) { return (b > 0) ? a / b : 0 }
  function row(figure, value, goal, ok) {
    printf "%-44s %12s   %-28s %s\n", figure, value, goal, ok == 2 ? "-" : ok ? "met" : "MISSED"
  }
  END {
    for (n in sizes) {
      if (!(("promsynth", n) in p50)) { print n ": no promsynth row"; continue }
      printf "\n== %d series ==\n%-44s %12s   %-28s %s\n", n, "figure", "measured", "goal", "status"
      s = p50["promsynth", n]
      if (("go", n) in p50) {
        r = ratio(p50["go", n], s)
        goal = (n >= 1000000) ? 25 : 15
        row("scrape p50: Go peer / promsynth", sprintf("%.1fx", r), sprintf(">= %dx", goal), r >= goal)
      }
      if (("floor", n) in p50) {
        r = ratio(s, p50["floor", n])
        row("scrape p50: promsynth / floor", sprintf("%.2fx", r), "<= 2x", r <= 2)
      }
      if (("prometheus-cpp", n) in p50)
        row("scrape p50: prometheus-cpp / promsynth", sprintf("%.1fx", ratio(p50["prometheus-cpp", n], s)), "(no goal)", 2)
      if (("python", n) in p50)
        row("scrape p50: Python peer / promsynth", sprintf("%.1fx", ratio(p50["python", n], s)), "(no goal)", 2)
      if (("go", n) in gz) {
        r = ratio(gz["go", n], gz["promsynth", n])
        row("gzip scrape p50: Go peer / promsynth", sprintf("%.1fx", r), ">= 10x (at 1M)", n < 1000000 || r >= 10)
      }
      b = bps["promsynth", n]
      row("resident bytes per series", sprintf("%.0f", b), "<= 100 (at 1M)", n < 1000000 || b <= 100)
      row("start-up to first scrape (s)", ready["promsynth", n], "<= 2 s", ready["promsynth", n] <= 2)
    }
  }'
