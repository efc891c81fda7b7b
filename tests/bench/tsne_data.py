#!/usr/bin/python3
"""Writes the t-SNE benchmark's data: a seeded mixture of 10 Gaussian clusters,
headerless CSV, one point per row. Pure Python, so it runs without numpy.

    tsne_data.py --points 2000 --dims 256 --out data.csv [--seed 7]
"""
import argparse
import random

parser = argparse.ArgumentParser()
parser.add_argument("--points", type=int, default=2000)
parser.add_argument("--dims", type=int, default=256)
parser.add_argument("--clusters", type=int, default=10)
parser.add_argument("--seed", type=int, default=7)
parser.add_argument("--out", required=True)
args = parser.parse_args()

rng = random.Random(args.seed)
# Centres one unit apart per coordinate, points 0.5 around them: clusters that
# overlap a little in 256-D, like hidden states of related prompts.
centres = [[rng.gauss(0.0, 1.0) for _ in range(args.dims)] for _ in range(args.clusters)]
with open(args.out, "w") as out:
    for _ in range(args.points):
        centre = centres[rng.randrange(args.clusters)]
        out.write(",".join("%.6g" % (c + 0.5 * rng.gauss(0.0, 1.0)) for c in centre))
        out.write("\n")
