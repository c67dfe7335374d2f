#!/usr/bin/env bash
# The serving goals with wrk against `lathe serve`: the server pinned to core 0, wrk and the probe to core 1.
# Usage: bench/serving/serve-bench.sh [DIR] [DURATION] [WARMUP]
#   DIR: the models and request bodies of dev.lathe.bench.serving.ServingModels (made when missing)
# For each model (the linear pipeline, the course's XGBoost):
#   - the time from start to the first 200 from /ping, polled with bash builtins (a curl process per
#     attempt took ~1 s of the server's core over a start);
#   - a warm-up of WARMUP (default 30s: on one core the JIT compiles for ~20 s under load);
#   - one row a request at full speed (8 connections, as fast as answers come): the rate;
#   - one row a request at the goal's rate (wrk's connections each sending 2 ms after their answer,
#     enough of them for >= 10,000 req/s linear, >= 5,000 XGBoost): the p99 at that rate;
#   - for XGBoost, 1,000 rows a request on one connection, one after another, after 90 s of them: the
#     p99 of a request.
# Prints `uptime` at the end: the machine may be shared.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
dir=${1:-target/serving}
duration=${2:-10s}
warmup=${3:-30s}
port=${LATHE_BENCH_PORT:-5001}
url=http://127.0.0.1:$port
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$dir/xgboost.lathe" ] || bench/run.sh dev.lathe.bench.serving.ServingModels "$dir"
./lathe --version >/dev/null # builds the command line first, so that start-up below is only start-up

# Waits until GET /ping answers 200, without starting a process per attempt.
ping_ready() {
  local status pause
  pause=$(mktemp -u); mkfifo "$pause"; exec 4<>"$pause"; rm -f "$pause"
  while :; do
    if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
      IFS= read -r status <&3 || status=
      exec 3<&- 3>&-
      [[ $status == *" 200"* ]] && break
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    read -r -t 0.005 -u 4 || true
  done
  exec 4<&-
}

# wrk NAME BODY CONNECTIONS [PAUSE_MS]: one measured run (a pause makes each connection wait after its answer)
measure() {
  local script=bench/serving/post.lua
  [ -n "${4:-}" ] && script=bench/serving/paced.lua
  echo "--- $1 ($3 connections${4:+, each pausing $4 ms}, $duration)"
  taskset -c 1 wrk -t1 -c"$3" -d"$duration" --latency -s "$script" "$url/invocations" -- "$2" ${4:+"$4"} \
    | grep -E "Requests/sec|Non-2xx|non-200|Latency  "
}

for model in taxi-linear taxi-xgb; do
  start=$(date +%s%N)
  taskset -c 0 ./lathe serve "models:/$model@champion" --store "$dir/store" --port "$port" >"$dir/serve-$model.log" 2>&1 &
  pid=$!
  taskset -pc 1 $$ >/dev/null # the probe and wrk on the other core
  ping_ready || { cat "$dir/serve-$model.log"; exit 1; }
  echo "=== $model: /ping answered $(( ($(date +%s%N) - start) / 1000000 )) ms after start"
  taskset -c 1 wrk -t1 -c8 -d"$warmup" -s bench/serving/post.lua "$url/invocations" -- "$dir/one-row.json" >/dev/null
  measure "$model one row, full speed" "$dir/one-row.json" 8
  if [ "$model" = taxi-linear ]; then
    measure "$model one row, >= 10,000 req/s" "$dir/one-row.json" 30 2
  else
    measure "$model one row, >= 5,000 req/s" "$dir/one-row.json" 15 2
    # at ~50 requests a second the per-request code reaches C2 only after a minute or more
    taskset -c 1 wrk -t1 -c1 -d90s -s bench/serving/post.lua "$url/invocations" -- "$dir/rows-1000.json" >/dev/null
    measure "$model 1,000 rows, one request at a time" "$dir/rows-1000.json" 1
  fi
  kill "$pid"
  wait "$pid" || true
done
uptime
