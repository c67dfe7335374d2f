#!/usr/bin/env bash
# Runs the demo into a throw-away store, then renders the run's HTML report (a logged artifact) with
# headless Chromium: proves the report opens without network and shows its plots.
# Usage: scripts/demo-report-screenshot.sh [OUT.png]   (default docs/img/demo-report.png)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="${1:-$root/docs/img/demo-report.png}"
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
"$root/lathe" demo --store "$store" --json > "$store/demo.json"
run_id=$(sed -E 's/.*"run_id":"([0-9a-f]+)".*/\1/' "$store/demo.json")
html=$(find "$store" -path "*$run_id*" -name report.html | head -n 1)
[ -n "$html" ] || { echo "no report.html logged for run $run_id under $store" >&2; exit 1; }
"$root/scripts/screenshot-report.sh" "$html" "$out" 1400,2900
echo "run $run_id: $html -> $out"
