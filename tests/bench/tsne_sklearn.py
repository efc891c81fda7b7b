#!/usr/bin/python3
"""Runs sklearn.manifold.TSNE with the settings `unike bench tsne` uses
(perplexity 30, 1000 iterations, PCA init, learning_rate='auto', Barnes-Hut)
on a headerless CSV and prints JSON: wall time, KL divergence, trustworthiness.

    tsne_sklearn.py data.csv
"""
import inspect
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.manifold import TSNE, trustworthiness

points = np.loadtxt(sys.argv[1], delimiter=",", dtype=np.float32)
# The iteration count's name changed in sklearn 1.5 (n_iter -> max_iter).
iterations = "max_iter" if "max_iter" in inspect.signature(TSNE).parameters else "n_iter"
tsne = TSNE(n_components=2, perplexity=30.0, init="pca", learning_rate="auto",
            random_state=0, **{iterations: 1000})
start = time.perf_counter()
embedding = tsne.fit_transform(points)
seconds = time.perf_counter() - start
print(json.dumps({
    "sklearn_version": sklearn.__version__,
    "points": int(points.shape[0]),
    "dims": int(points.shape[1]),
    "seconds": seconds,
    "kl_divergence": float(tsne.kl_divergence_),
    "trustworthiness_k5": float(trustworthiness(points, embedding, n_neighbors=5)),
}))
