#!/usr/bin/env bash
# The course's XGBoost search (TPE, seed 42, months 2023-01 -> 2023-02 bundled under data/tlc) run twice:
# once in one JVM (`lathe search --threads BATCH`), once started with `--distributed` and served by WORKERS
# `lathe worker` JVMs on STORE (a PostgreSQL URL, or a directory shared by the workers). Prints both wall
# times and compares the two searches trial by trial (params, status, validation_rmse): exit 0 only when
# every trial is identical.
#   usage: bench/workers/course-search.sh STORE [TRIALS=10] [BATCH=2] [WORKERS=2] [ROUNDS=the search's default]
#   e.g.:  bench/workers/course-search.sh "postgresql://postgres@127.0.0.1:5432/postgres?schema=course$(date +%s)&artifacts=/shared/lathe-artifacts"
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
store=${1:?usage: $0 STORE [TRIALS] [BATCH] [WORKERS]}
trials=${2:-10}
batch=${3:-2}
workers=${4:-2}
rounds=${5:+--rounds $5}
search=(search --trainer xgboost --sampler tpe --trials "$trials" --batch-size "$batch" --seed 42
  --train data/tlc/green_tripdata_2023-01.parquet --valid data/tlc/green_tripdata_2023-02.parquet --json $rounds)
one=$(mktemp -d "${TMPDIR:-/tmp}/lathe-course-one.XXXXXX")
out=$(mktemp -d "${TMPDIR:-/tmp}/lathe-course-out.XXXXXX")
./lathe --version >/dev/null # builds once, before anything is timed
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

start=$(date +%s.%N)
./lathe "${search[@]}" --threads "$batch" --store "$one" >"$out/one.json" 2>"$out/one.log"
one_s=$(echo "$(date +%s.%N) - $start" | bc)
one_parent=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["parent_run_id"])' "$out/one.json")

start=$(date +%s.%N)
./lathe "${search[@]}" --distributed --store "$store" >"$out/dist.json" 2>"$out/dist.log"
parent=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["parent_run_id"])' "$out/dist.json")
pids=()
for w in $(seq 1 "$workers"); do
  ./lathe worker --store "$store" --search "$parent" >"$out/worker$w.out" 2>"$out/worker$w.log" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
dist_s=$(echo "$(date +%s.%N) - $start" | bc)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

trials_of() { # STORE PARENT -> JSON array of runs
  ./lathe runs search --store "$1" --filter "tags.mlflow.parentRunId = '$2'" --max-results 50000 --json
}
trials_of "$one" "$one_parent" >"$out/one-trials.json"
trials_of "$store" "$parent" >"$out/dist-trials.json"
printf 'one JVM: %.1f s (parent %s); %s worker JVMs: %.1f s (parent %s); logs in %s\n' \
  "$one_s" "$one_parent" "$workers" "$dist_s" "$parent" "$out"
python3 - "$out/one-trials.json" "$out/dist-trials.json" "$trials" <<'PY'
import json, sys
def trials(path):
    out = {}
    for r in json.load(open(path)):
        if r["status"] == "KILLED":
            continue  # a trial run of a killed worker, retried by another
        p = dict(r["params"])
        n = int(p["trial_number"])
        assert n not in out, f"trial {n} completed twice in {path}"
        out[n] = (r["status"], p, r["metrics"].get("validation_rmse"))
    return out
one, dist, expected = trials(sys.argv[1]), trials(sys.argv[2]), int(sys.argv[3])
same = sum(1 for n in one if dist.get(n) == one[n])
print(f"trials: one JVM {len(one)}, workers {len(dist)}, identical {same} of {expected}")
for n in sorted(set(one) | set(dist)):
    if one.get(n) != dist.get(n):
        print(f"trial {n} differs:\n  one JVM: {one.get(n)}\n  workers: {dist.get(n)}")
best = min(one.values(), key=lambda t: t[2])
print(f"best validation_rmse {best[2]:.6f}")
sys.exit(0 if len(one) == len(dist) == same == expected else 1)
PY
