#!/usr/bin/env bash
# Time from launching `./lathe ui` (a new JVM, the store opened) to the experiments page and its data
# answered: bench/server/first-page.sh STORE_DIR [PORT=5077]. Prints the milliseconds of one start.
# Repeat it with hyperfine for a distribution:  hyperfine -w 1 -r 10 'bench/server/first-page.sh /tmp/lathe-ui-speed'
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
store=$1
port=${2:-5077}
start=$(date +%s%N)
"$root/lathe" ui --store "$store" --port "$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
until curl -sf -o /dev/null "$base/"; do
  kill -0 "$pid" 2>/dev/null || { echo "lathe ui exited before answering" >&2; exit 1; }
  sleep 0.01
done
curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"max_results": 100}' \
  "$base/ajax-api/2.0/mlflow/experiments/search"
echo "first page and its data after $(( ($(date +%s%N) - start) / 1000000 )) ms"
