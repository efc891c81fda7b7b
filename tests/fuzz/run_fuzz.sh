#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/libfuzzer) with clang-14 and runs them, each for
# SECONDS on its committed corpus plus a working corpus in the build folder, with the JSON or
# safetensors dictionary. Fails when any target finds a crash, a leak, a timeout (10 s for one
# input) or an input that needs more than 2 GB; the input is left in build-fuzz/findings/.
#   tests/fuzz/run_fuzz.sh [TARGET|all] [SECONDS]     (./dev.sh fuzz calls this)
# Prints one JSON line per target: executions, edges covered and the outcome.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FUZZ_BUILD="${FUZZ_BUILD:-$ROOT/build-fuzz}"
JOBS="${JOBS:-$(nproc)}"
TARGET="${1:-all}"
SECONDS_EACH="${2:-60}"

cmake -S "$ROOT/tests/fuzz/libfuzzer" -B "$FUZZ_BUILD" -DCMAKE_CXX_COMPILER=clang++-14 \
  >/dev/null || exit 1
cmake --build "$FUZZ_BUILD" -j "$JOBS" >/dev/null || exit 1

targets=$(sed -n 's/^unike_fuzz_target(\([a-z_]*\) .*/\1/p' "$ROOT/tests/fuzz/FuzzTargets.cmake")
[ "$TARGET" = all ] || targets="$TARGET"
failed=0
for target in $targets; do
  binary="$FUZZ_BUILD/bin/fuzz_$target"
  [ -x "$binary" ] || { echo "run_fuzz: no target '$target'" >&2; exit 2; }
  case "$target" in
    safetensors|checkpoint_index) dict="$ROOT/tests/fuzz/dict/safetensors.dict" ;;
    image) dict="" ;;
    *) dict="$ROOT/tests/fuzz/dict/json.dict" ;;
  esac
  work="$FUZZ_BUILD/corpus/$target"
  findings="$FUZZ_BUILD/findings/$target"
  mkdir -p "$work" "$findings"
  log="$FUZZ_BUILD/fuzz-$target.log"
  "$binary" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$findings/" ${dict:+-dict="$dict"} \
    "$work" "$ROOT/tests/fuzz/corpus/$target" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  edges=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  outcome=ok
  if [ "$status" -ne 0 ]; then
    outcome="failed (exit $status; see $log and $findings)"
    failed=1
  fi
  printf '{"target": "%s", "seconds": %s, "executions": %s, "edges": %s, "outcome": "%s"}\n' \
    "$target" "$SECONDS_EACH" "${runs:-0}" "${edges:-0}" "$outcome"
done
exit "$failed"
