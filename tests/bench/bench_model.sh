#!/usr/bin/env bash
# Prints the model benchmark as JSON: load, preprocessing, prefill, per-token
# decode with and without the KV cache, peak memory.
#   tests/bench/bench_model.sh [--model DIR | --random-config demo] [--threads N] [--device cuda]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
UNIKE="${UNIKE:-$ROOT/build/bin/unike}"
threads=()
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads=(--threads "$2"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
exec "$UNIKE" "${threads[@]}" -q bench model "${args[@]}"
