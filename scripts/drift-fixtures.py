#!/usr/bin/env python3
"""Writes evaluation/src/test/resources/drift/evidently-fixtures.json: drift-test inputs (seeded numpy
samples) with the values scipy computes for them, as Evidently's default data-drift tests call scipy.
The Java tests (EvidentlyFixturesTest) compare Lathe's statistics with these values; they never run
Python. Regenerate with: python3 scripts/drift-fixtures.py (scipy >= 1.11, numpy).

Everything expected is computed here independently of Lathe: scipy.stats.ks_2samp, chisquare,
wasserstein_distance, scipy.spatial.distance.jensenshannon, numpy's histogram_bin_edges/histogram,
and the two-proportion Z-test by hand in numpy, following Evidently's stattests (chisquare_stattest.py,
z_stattest.py, wasserstein_distance_norm.py, jensenshannon.py, psi.py, utils.get_binned_data and
registry._get_default_stattest).
"""
import json
import pathlib

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

OUT = pathlib.Path(__file__).resolve().parent.parent / "evaluation/src/test/resources/drift/evidently-fixtures.json"
rng = np.random.default_rng(20230201)


def normal(loc, scale, size):
    """Seeded normal samples with 5 decimals, so that the JSON holds the inputs exactly and stays small."""
    return np.round(rng.normal(loc, scale, size), 5)


def unique_keys(ref, cur):
    return sorted(set(ref.tolist()) | set(cur.tolist()))


def binned(ref, cur, numeric, fill):
    """Evidently's utils.get_binned_data."""
    if numeric and len(np.unique(ref)) > 20:
        bins = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        r = np.histogram(ref, bins)[0] / len(ref)
        c = np.histogram(cur, bins)[0] / len(cur)
    else:
        keys = unique_keys(ref, cur)
        r = np.array([np.sum(ref == k) / len(ref) for k in keys])
        c = np.array([np.sum(cur == k) / len(cur) for k in keys])
    if fill:
        for a in (r, c):
            m = min(a[a != 0])
            np.place(a, a == 0, m / 10**6 if m <= 0.0001 else 0.0001)
    return r, c


def chi(ref, cur):
    keys = unique_keys(ref, cur)
    k = len(cur) / len(ref)
    f_exp = [np.sum(ref == key) * k for key in keys]
    f_obs = [np.sum(cur == key) for key in keys]
    return float(stats.chisquare(f_obs, f_exp)[1])


def z(ref, cur):
    keys = unique_keys(ref, cur)
    if len(keys) == 1:
        return 1.0
    a = (ref != keys[0]).astype(float)
    b = (cur != keys[0]).astype(float)
    n1, n2 = len(a), len(b)
    p1, p2 = a.sum() / n1, b.sum() / n2
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    zs = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2))
    return float(2 * (1 - stats.norm.cdf(abs(zs))))


def wasserstein(ref, cur):
    return float(stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001))


def js(ref, cur, numeric):
    r, c = binned(ref, cur, numeric, False)
    return float(distance.jensenshannon(r, c, 2))


def psi(ref, cur, numeric):
    r, c = binned(ref, cur, numeric, True)
    return float(np.sum((r - c) * np.log(r / c)))


def default_test(ref, cur, numeric):
    """Evidently's registry._get_default_stattest."""
    n_values = len(set(ref.tolist()) | set(cur.tolist()))
    if len(ref) <= 1000:
        if numeric and n_values > 5:
            return "ks"
        return "chisquare" if n_values > 2 else "z"
    if numeric and n_values > 5:
        return "wasserstein"
    return "jensenshannon"


SCORE = {
    "ks": lambda r, c, num: float(stats.ks_2samp(r, c)[1]),
    "chisquare": lambda r, c, num: chi(r, c),
    "z": lambda r, c, num: z(r, c),
    "wasserstein": lambda r, c, num: wasserstein(r, c),
    "jensenshannon": js,
    "psi": psi,
}
THRESHOLD = {"ks": 0.05, "chisquare": 0.05, "z": 0.05, "wasserstein": 0.1, "jensenshannon": 0.1, "psi": 0.1}


def drifted(test, score):
    return score < THRESHOLD[test] if test in ("ks", "chisquare", "z") else score >= THRESHOLD[test]


def num(a):
    return [float(x) for x in a]


ks_cases = []
for n, m, shift, rounding in [
    (40, 55, 0.0, None), (60, 60, 0.4, None), (200, 200, 0.1, 1), (300, 450, 0.2, None),
    (1000, 3000, 0.05, None), (700, 9000, 0.0, 2), (500, 12000, 0.08, None), (137, 9973, 0.3, None),
]:
    r = normal(0, 1, n)
    c = normal(shift, 1.1, m)
    if rounding is not None:
        r, c = np.round(r, rounding), np.round(c, rounding)
    res = stats.ks_2samp(r, c)
    ks_cases.append({"reference": num(r), "current": num(c), "statistic": float(res.statistic),
                     "pvalue": float(res.pvalue)})

cat_cases = []
for n, m, probs_r, probs_c in [
    (500, 400, [0.4, 0.3, 0.2, 0.1], [0.38, 0.32, 0.2, 0.1]),
    (800, 300, [0.5, 0.3, 0.2], [0.3, 0.3, 0.4]),
    (900, 700, [0.7, 0.3], [0.66, 0.34]),
    (5000, 6000, [0.25, 0.25, 0.25, 0.25], [0.2, 0.3, 0.25, 0.25]),
    (3000, 2000, [0.5, 0.5, 0.0], [0.45, 0.45, 0.1]),
]:
    labels = np.array(["a", "b", "c", "d"][: len(probs_r)])
    r = rng.choice(labels, n, p=probs_r)
    c = rng.choice(labels, m, p=probs_c)
    cat_cases.append({"reference": r.tolist(), "current": c.tolist(), "chisquare": chi(r, c), "z": z(r, c),
                      "jensenshannon": js(r, c, False), "psi": psi(r, c, False)})

num_cases = []
for n, m, loc, scale, decimals in [
    (5000, 4000, 0.1, 1.0, None), (2000, 2500, 0.0, 1.5, None), (3000, 3000, 1.0, 1.0, 1), (1500, 800, 0.0, 1.0, 0),
]:
    r = normal(0, 1, n)
    c = normal(loc, scale, m)
    if decimals is not None:
        r, c = np.round(r, decimals), np.round(c, decimals)
    num_cases.append({"reference": num(r), "current": num(c), "wasserstein": float(stats.wasserstein_distance(r, c)),
                      "wasserstein_normed": wasserstein(r, c), "jensenshannon": js(r, c, True),
                      "psi": psi(r, c, True)})

# A dataset whose columns take every default test: small and large references, few and many values.
datasets = []
for rows_ref, rows_cur in [(800, 600), (4000, 3000)]:
    cols = {
        "distance": (np.round(rng.gamma(2.0, 1.5, rows_ref), 3), np.round(rng.gamma(2.3, 1.5, rows_cur), 3), True),
        "fare": (normal(15, 4, rows_ref), normal(15, 4, rows_cur), True),
        "passengers": (rng.choice([1.0, 2.0, 3.0, 4.0], rows_ref, p=[0.6, 0.2, 0.1, 0.1]),
                       rng.choice([1.0, 2.0, 3.0, 4.0], rows_cur, p=[0.5, 0.25, 0.15, 0.1]), True),
        "flag": (rng.choice([0.0, 1.0], rows_ref, p=[0.9, 0.1]), rng.choice([0.0, 1.0], rows_cur, p=[0.9, 0.1]), True),
        "zone": (rng.choice(np.array(["N", "S", "E", "W"]), rows_ref), rng.choice(np.array(["N", "S", "E", "W"]),
                 rows_cur, p=[0.4, 0.2, 0.2, 0.2]), False),
        "payment": (rng.choice(np.array(["card", "cash"]), rows_ref, p=[0.6, 0.4]),
                    rng.choice(np.array(["card", "cash"]), rows_cur, p=[0.7, 0.3]), False),
    }
    columns = []
    for name, (r, c, numeric) in cols.items():
        test = default_test(r, c, numeric)
        score = SCORE[test](r, c, numeric)
        psi_score = psi(r, c, numeric)
        columns.append({"name": name, "numeric": numeric,
                        "reference": num(r) if numeric else r.tolist(),
                        "current": num(c) if numeric else c.tolist(),
                        "test": test, "score": score, "drifted": bool(drifted(test, score)),
                        "psi": psi_score, "psi_drifted": bool(drifted("psi", psi_score))})
    share = sum(c["drifted"] for c in columns) / len(columns)
    datasets.append({"columns": columns, "share": share, "dataset_drift": bool(share >= 0.5)})

# KS above scipy's exact limit (10,000 a side) and around it: samples rounded to 2 decimals and stored as
# value counts, so that 300,000 rows stay small; scipy's asymptotic branch is kstwo.sf(d, round(n*m/(n+m))).
ks_large_cases = []
for n, m, shift in [
    (10000, 10000, 0.03), (9000, 10000, 0.0), (10000, 10001, 0.02), (10001, 10001, 0.0), (10001, 10001, 0.05),
    (120, 20000, 0.0), (120, 20000, 0.35), (60, 30000, 0.9), (15000, 40000, 0.02), (15000, 40000, 0.1),
    (300000, 300000, 0.003), (300000, 250000, 0.02),
]:
    r = np.round(rng.normal(0, 1, n), 2)
    c = np.round(rng.normal(shift, 1, m), 2)
    res = stats.ks_2samp(r, c)
    rv, rc = np.unique(r, return_counts=True)
    cv, cc = np.unique(c, return_counts=True)
    ks_large_cases.append({"reference_values": num(rv), "reference_counts": [int(k) for k in rc],
                           "current_values": num(cv), "current_counts": [int(k) for k in cc],
                           "statistic": float(res.statistic), "pvalue": float(res.pvalue)})

# scipy's kstwo.sf(d, n) itself on a grid over every branch of Simard and L'Ecuyer's choice
# (scipy.stats._ksstats._kolmogn): Ruben-Gambino, 2 * smirnov, Durbin's matrix, Pomeranz, Pelz-Good.
kstwo_cases = []
for n in [1, 2, 5, 17, 60, 100, 139, 140, 141, 500, 1000, 5000, 20000, 99999, 100000, 100001, 150000, 500000,
          999999, 2000001]:
    for nx2 in [0.005, 0.05, 0.2, 0.5, 0.754, 0.755, 1.0, 2.19, 2.21, 3.0, 3.99, 4.01, 8.0, 30.0, 120.0, 300.0,
                369.0, 371.0]:
        d = float(np.sqrt(nx2 / n))
        if d < 1:
            kstwo_cases.append({"n": n, "d": d, "sf": float(stats.kstwo.sf(d, n))})
    for t in [0.3, 0.5, 0.75, 1.0, 1.5, n - 1.5, n - 1.0, n - 0.5, n / 2.0]:
        d = t / n
        if 0 < d < 1:
            kstwo_cases.append({"n": n, "d": d, "sf": float(stats.kstwo.sf(d, n))})
    # the Durbin-matrix corner for n > 140: n * d^1.5 <= 1.4
    d = float((1.39 / n) ** (2.0 / 3.0))
    if d < 1:
        kstwo_cases.append({"n": n, "d": d, "sf": float(stats.kstwo.sf(d, n))})

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(json.dumps({
    "generator": "scripts/drift-fixtures.py", "scipy": scipy.__version__, "numpy": np.__version__,
    "ks": ks_cases, "ks_large": ks_large_cases, "kstwo": kstwo_cases, "categorical": cat_cases, "numeric": num_cases, "datasets": datasets,
}, separators=(",", ":")) + "\n")
print(OUT, OUT.stat().st_size, "bytes")
