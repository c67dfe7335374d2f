#!/usr/bin/env bash
# Times two whole commands as alternating pairs (A, B, A, B, ...) in one sitting, with GNU time, and
# prints each pair, the median of each side, the per-pair ratio B/A (median and min-max spread), the
# peak resident set sizes and the load average before and after. This machine's timings drift between
# and within sittings, so only pairs taken one after the other are compared.
#
# Usage: bench/pairs.sh PAIRS 'LABEL A' 'COMMAND A' 'LABEL B' 'COMMAND B'
#   e.g. bench/pairs.sh 5 lathe './lathe demo --store /tmp/s' python 'python3 baseline.py jan.csv feb.csv'
# Each command runs through `bash -c`, its output discarded (kept in $PAIRS_LOG when set).
# Needs GNU time (Debian's package `time`, /usr/bin/time).
set -euo pipefail
[ $# -eq 5 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
pairs=$1 label_a=$2 cmd_a=$3 label_b=$4 cmd_b=$5
[ -x /usr/bin/time ] || { echo "pairs.sh: GNU time is needed (apt-get install time)" >&2; exit 2; }
log=${PAIRS_LOG:-/dev/null}
results=$(mktemp)
trap 'rm -f "$results"' EXIT

one() { # label command -> "label seconds maxrss_kib" on the results file
  local out
  out=$(mktemp)
  if ! /usr/bin/time -f '%e %M' -o "$out" bash -c "$2" >>"$log" 2>&1; then
    echo "pairs.sh: '$1' failed: $2 (output in \$PAIRS_LOG)" >&2
    rm -f "$out"
    exit 1
  fi
  echo "$1 $(tail -1 "$out")" >>"$results"
  rm -f "$out"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$pairs"); do
  one "$label_a" "$cmd_a"
  one "$label_b" "$cmd_b"
  a=$(grep "^$label_a " "$results" | tail -1) b=$(grep "^$label_b " "$results" | tail -1)
  echo "pair $i: $label_a ${a#* } | $label_b ${b#* }  (seconds, peak RSS KiB)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

awk -v A="$label_a" -v B="$label_b" '
  function median(v, n,   i, j, t) {
    for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  $1 == A { na++; ta[na] = $2; ma[na] = $3 }
  $1 == B { nb++; tb[nb] = $2; mb[nb] = $3; r[nb] = $2 / ta[nb]; rm[nb] = $3 / ma[nb] }
  END {
    lo = hi = r[1]; for (i = 1; i <= nb; i++) { if (r[i] < lo) lo = r[i]; if (r[i] > hi) hi = r[i] }
    printf "%s: median %.2f s, peak RSS median %.0f MiB\n", A, median(ta, na), median(ma, na) / 1024
    printf "%s: median %.2f s, peak RSS median %.0f MiB\n", B, median(tb, nb), median(mb, nb) / 1024
    printf "time ratio %s/%s: median %.2f (min %.2f, max %.2f) over %d pairs\n", B, A, median(r, nb), lo, hi, nb
    printf "peak RSS ratio %s/%s: median %.2f\n", B, A, median(rm, nb)
  }' "$results"
