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
source scripts/openmp-wait.sh
exec java ${BENCH_JAVA_OPTS:--Xmx8g} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main" "$@"
