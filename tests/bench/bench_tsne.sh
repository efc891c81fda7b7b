#!/usr/bin/env bash
# Prints one JSON object: our t-SNE against sklearn.manifold.TSNE on the same
# data (N = 2000 points in 256-D, perplexity 30, 1000 iterations, PCA init),
# and our time at N = 20000. sklearn is skipped (null) when
# /usr/bin/python3 cannot import it (Debian: apt-get install python3-sklearn).
# The data is a seeded Gaussian mixture: the demo model's states are 128-D, not
# 256. --states FILE compares on captured states instead (`unike states`; the
# first --points rows).
#   tests/bench/bench_tsne.sh [--threads N] [--points 2000] [--large 20000] [--dims 256]
#                             [--states FILE]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
UNIKE="${UNIKE:-$ROOT/build/bin/unike}"
PYTHON=/usr/bin/python3
HERE="$ROOT/tests/bench"
points=2000 large=20000 dims=256 threads=() states=""
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads=(--threads "$2"); shift 2 ;;
    --points) points="$2"; shift 2 ;;
    --large) large="$2"; shift 2 ;;
    --dims) dims="$2"; shift 2 ;;
    --states) states="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -n "$states" ]; then
  "$PYTHON" "$HERE/states_to_csv.py" "$states" "$work/data.csv" --limit "$points"
else
  "$PYTHON" "$HERE/tsne_data.py" --points "$points" --dims "$dims" --out "$work/data.csv"
fi
"$UNIKE" "${threads[@]}" -q bench tsne --data "$work/data.csv" > "$work/ours.json"
if "$PYTHON" -c "import sklearn" 2> /dev/null; then
  "$PYTHON" "$HERE/tsne_sklearn.py" "$work/data.csv" > "$work/sklearn.json"
else
  echo null > "$work/sklearn.json"
fi
if [ "$large" -gt 0 ]; then
  "$PYTHON" "$HERE/tsne_data.py" --points "$large" --dims "$dims" --out "$work/large.csv"
  "$UNIKE" "${threads[@]}" -q bench tsne --data "$work/large.csv" > "$work/large.json"
else
  echo null > "$work/large.json"
fi

"$PYTHON" - "$work" << 'PY'
import json, os, sys
work = sys.argv[1]
read = lambda name: json.load(open(os.path.join(work, name)))
ours, sklearn, large = read("ours.json"), read("sklearn.json"), read("large.json")
result = {"benchmark": "tsne", "ours": ours, "sklearn": sklearn, "large": large}
if sklearn:
    result["time_ratio"] = ours["seconds"] / sklearn["seconds"]          # target <= 1/3
    result["kl_ratio"] = ours["kl_divergence"] / sklearn["kl_divergence"]  # target <= 1.05
    result["meets_time_target"] = result["time_ratio"] <= 1.0 / 3.0
    result["meets_kl_target"] = result["kl_ratio"] <= 1.05
if large:
    result["large_meets_60s"] = large["seconds"] <= 60.0
result["load_average"] = os.getloadavg()[0]
print(json.dumps(result, indent=2))
PY
