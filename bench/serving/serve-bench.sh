#!/usr/bin/env bash
# The serving goals with wrk against `lathe serve`: the server pinned to core 0, wrk to core 1.
# Usage: bench/serving/serve-bench.sh [DIR] [DURATION] [CONNECTIONS]
#   DIR: the models and request bodies of dev.lathe.bench.serving.ServingModels (made when missing)
# For each model (the linear pipeline, the course's XGBoost): time from start to the first /ping answer,
# one row a request, and for XGBoost 1,000 rows a request; each after a warm-up, with wrk's latency
# percentiles. Prints `uptime` at the end: the machine may be shared.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
dir=${1:-target/serving}
duration=${2:-10s}
connections=${3:-8}
port=${LATHE_BENCH_PORT:-5001}
url=http://127.0.0.1:$port
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$dir/xgboost.lathe" ] || bench/run.sh dev.lathe.bench.serving.ServingModels "$dir"
./lathe --version >/dev/null # builds the command line first, so that start-up below is only start-up

load() { # load NAME BODY CONNECTIONS: a warm-up, then the measured run
  taskset -c 1 wrk -t1 -c"$3" -d3s -s bench/serving/post.lua "$url/invocations" -- "$2" >/dev/null
  echo "--- $1 ($3 connections, $duration)"
  taskset -c 1 wrk -t1 -c"$3" -d"$duration" --latency -s bench/serving/post.lua "$url/invocations" -- "$2" \
    | grep -E "Requests/sec|Non-2xx|non-200|Latency  |99%"
}

for model in taxi-linear taxi-xgb; do
  start=$(date +%s%N)
  taskset -c 0 ./lathe serve "models:/$model@champion" --store "$dir/store" --port "$port" >"$dir/serve-$model.log" 2>&1 &
  pid=$!
  until curl -sf "$url/ping" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$dir/serve-$model.log"; exit 1; }
    sleep 0.01
  done
  echo "=== $model: /ping answered $(( ($(date +%s%N) - start) / 1000000 )) ms after start"
  load "$model one row" "$dir/one-row.json" "$connections"
  if [ "$model" = taxi-xgb ]; then
    load "$model 1,000 rows" "$dir/rows-1000.json" 2
  fi
  kill "$pid"
  wait "$pid" || true
done
uptime
