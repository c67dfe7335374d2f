#!/usr/bin/env bash
# Runs one benchmark main of the bench module: bench/run.sh <main-class> [args...]
# Builds the modules it needs first (skipping tests), then starts a fresh JVM so that
# peak memory (VmHWM, printed by the benchmarks themselves) belongs to that run alone.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  mvn -B -q -DskipTests -Dspotless.check.skip=true package -pl bench -am >&2
fi
main=$1; shift
# XGBoost's OpenMP threads sleep instead of spinning while they wait: on oversubscribed cores spinning
# threads burn the CPU the working ones need (one 2023 fit: > 15 min and 216 s of CPU unfinished, against
# 60 s and 45 s of CPU with PASSIVE). Set OMP_WAIT_POLICY to override.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
exec java ${BENCH_JAVA_OPTS:--Xmx8g} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main" "$@"
