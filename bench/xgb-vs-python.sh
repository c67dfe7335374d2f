#!/usr/bin/env bash
# Times the course's XGBoost fit on green 2023-01 -> 2023-02 in Lathe and in Python xgboost, run after
# run (this machine's timings drift, so pairs of one sitting are compared, never figures of two).
# Usage: bench/xgb-vs-python.sh [repeats=3] [python_baseline.py] [dir with the 2023 CSV.gz files]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
repeats=${1:-3}
baseline=${2:-/work/shared/bench/python_baseline.py}
csv=${3:-$root/data/tlc}
mvn -B -q -DskipTests -Dspotless.check.skip=true package -pl bench -am >&2
for i in $(seq "$repeats"); do
  BENCH_NO_BUILD=1 bench/run.sh dev.lathe.bench.boosted.CourseXGBoostFit data/tlc
  (cd "$csv" && /usr/bin/python3 "$baseline" green_tripdata_2023-01.csv.gz green_tripdata_2023-02.csv.gz \
      --models xgb 2>/dev/null | grep '"xgb"' | sed 's/^/python /')
done
