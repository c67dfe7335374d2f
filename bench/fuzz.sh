#!/usr/bin/env bash
# A longer fuzzing run of every jqwik property in the project: bench/fuzz.sh [TRIES]
# (default 5000 tries per property, at least the tries of its annotation) with a fresh random seed per
# property, or the seed in LATHE_FUZZ_SEED. Properties are found by the jqwik engine in every module's
# test classes (any class name), not from a list; CI runs the same properties with FuzzSettings' fixed
# seed and their annotation's tries. Prints each property with its tries and seed, then the failures;
# the Maven log is kept in target/fuzz/. Extra Maven arguments go in FUZZ_MVN_ARGS (e.g. "-o -pl core -am").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tries=${1:-5000}
seed=${LATHE_FUZZ_SEED:-random}
case "$tries" in ''|*[!0-9]*) echo "bench/fuzz.sh: TRIES must be a positive number, got '$tries'" >&2; exit 2;; esac
mkdir -p target/fuzz
log="target/fuzz/fuzz-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "fuzz: every jqwik property, tries=$tries seed=$seed; load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
echo "fuzz: Maven log in $log"
status=0
# -Dtest='**/*' with the jqwik engine alone: every class's @Property methods and nothing else.
# Surefire hands -D user properties to the forked test JVMs, where FuzzSettings reads lathe.fuzz.*;
# jqwik.reporting.onlyfailures=false (a JUnit configuration parameter, read from system properties
# before junit-platform.properties) makes jqwik report the seed of every property, not only failures.
# shellcheck disable=SC2086
mvn -B ${FUZZ_MVN_ARGS:-} verify \
  -Dspotless.check.skip=true \
  -Dsurefire.includeJUnit5Engines=jqwik \
  -Dtest='**/*' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlathe.fuzz.seed="$seed" -Dlathe.fuzz.tries="$tries" \
  -Djqwik.reporting.onlyfailures=false \
  >"$log" 2>&1 || status=$?
# jqwik's report of a property: "timestamp = ..., Class:method = ", then "tries = N", then "seed = S".
awk '
  /^timestamp = .*, .* = *$/ { name = $0; sub(/^timestamp = [^,]*, /, "", name); sub(/ = *$/, "", name) }
  /^tries = /  { t = $3 }
  /^seed = /   { printf "%-90s tries=%-8s seed=%s\n", name, t, $3; n++ }
  END { printf "fuzz: %d properties ran\n", n }
' "$log"
grep -E '^\[(ERROR|INFO)\] Tests run: .*(Fail|Err)|<<< (FAILURE|ERROR)!' "$log" | grep -vE 'Failures: 0, Errors: 0' || true
echo "fuzz: load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
if [ "$status" -ne 0 ]; then
  echo "fuzz: FAILED (Maven exit $status): rerun one property with -Dlathe.fuzz.seed=<its seed> -Dtest=Class#method; see $log" >&2
else
  echo "fuzz: all properties held"
fi
exit "$status"
