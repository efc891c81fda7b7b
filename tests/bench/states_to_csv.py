#!/usr/bin/python3
"""Turns a states file written by `unike states` (safetensors, float32 "states")
into the headerless CSV the t-SNE benchmark feeds both implementations.
Pure Python, so it runs without numpy or the safetensors package.

    states_to_csv.py STATES.safetensors OUT.csv [--limit N]
"""
import argparse
import json
import struct

parser = argparse.ArgumentParser()
parser.add_argument("states")
parser.add_argument("out")
parser.add_argument("--limit", type=int, default=0, help="at most N rows (0: all)")
args = parser.parse_args()

with open(args.states, "rb") as f:
    header_size = struct.unpack("<Q", f.read(8))[0]
    header = json.loads(f.read(header_size))
    info = header["states"]
    if info["dtype"] != "F32" or len(info["shape"]) != 2:
        raise SystemExit(f"{args.states}: 'states' must be a float32 matrix")
    rows, cols = info["shape"]
    begin, end = info["data_offsets"]
    f.seek(8 + header_size + begin)
    values = struct.unpack(f"<{rows * cols}f", f.read(end - begin))
if args.limit:
    rows = min(rows, args.limit)
with open(args.out, "w") as out:
    for r in range(rows):
        out.write(",".join("%.7g" % v for v in values[r * cols:(r + 1) * cols]) + "\n")
