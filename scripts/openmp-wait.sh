# How XGBoost's OpenMP threads wait at the end of each parallel step, for the lathe command and the
# benchmarks (sourced by ./lathe and bench/run.sh). Unless OMP_WAIT_POLICY is set: spin about 10 us
# (GOMP_SPINCOUNT=1000, GNU libgomp, which xgboost4j's Linux library uses), then sleep, and never spin
# when libgomp has more threads than the process may use (PASSIVE). On busy cores threads that spin
# burn the CPU the working ones need (one 2023 fit: > 15 min and 216 s of CPU unfinished, against 60 s
# and 45 s of CPU with PASSIVE); on idle cores sleeping at once made the fit slower than the short spin
# (docs/benchmarks.md, "OpenMP threads on busy cores"). OMP_WAIT_POLICY=ACTIVE picks spinning.
if [ -z "${OMP_WAIT_POLICY:-}" ]; then
  export OMP_WAIT_POLICY=PASSIVE
  export GOMP_SPINCOUNT="${GOMP_SPINCOUNT:-1000}"
fi
