#!/usr/bin/env python3
"""Generate reference values for Plumbline's statistics from established libraries.

Run once; the output is committed, so the Swift tests need no Python:

    .build-venv/bin/pip install numpy scipy statsmodels pymannkendall pandas
    .build-venv/bin/python scripts/make-stat-fixtures.py > Tests/PlumblineCoreTests/Fixtures/statistics/reference.json

Each case holds its inputs and the library's answer. Inputs are drawn from a fixed seed with
varied shapes: trends, noise, ties, autocorrelation, short and long series.
"""
import json
import warnings

import numpy as np
import pymannkendall as mk
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.tsa.stattools import grangercausalitytests

warnings.filterwarnings("ignore")
rng = np.random.default_rng(20261122)
CASES = 24


def series(n, kind):
    t = np.arange(n, dtype=float)
    if kind == 0:
        return rng.normal(0, 1, n)
    if kind == 1:
        return 0.05 * t + rng.normal(0, 1, n)
    if kind == 2:
        return np.round(rng.normal(10, 2, n))  # many ties
    x = np.zeros(n)
    for i in range(1, n):
        x[i] = 0.6 * x[i - 1] + rng.normal()
    return x - 0.02 * t


def lst(a):
    return [float(v) for v in a]


out = {"generated_by": f"scipy {scipy.__version__}, statsmodels {statsmodels.__version__}, pymannkendall {mk.__version__}"}

cases = []
for i in range(CASES):
    x = series(int(rng.integers(8, 120)), i % 4)
    r = mk.original_test(x)
    slope = mk.sens_slope(x).slope
    cases.append({"x": lst(x), "s": float(r.s), "var_s": float(r.var_s), "z": float(r.z), "p": float(r.p), "tau": float(r.Tau), "sen_slope": float(slope)})
out["mann_kendall"] = cases

cases = []
for i in range(CASES):
    n = int(rng.integers(5, 150))
    x = series(n, i % 4)
    y = 0.3 * x + rng.normal(0, 1, n) if i % 2 else rng.normal(0, 1, n)
    p = stats.pearsonr(x, y)
    s = stats.spearmanr(x, y)
    cases.append({"x": lst(x), "y": lst(y), "pearson_r": float(p.statistic), "pearson_p": float(p.pvalue), "spearman_r": float(s.statistic), "spearman_p": float(s.pvalue)})
out["correlation"] = cases

cases = []
for i in range(CASES):
    n = int(rng.integers(20, 200))
    x = series(n, 3)
    lag = int(rng.integers(0, 5))
    y = np.roll(x, lag) + rng.normal(0, 1, n)
    r = stats.pearsonr(x[: n - lag], y[lag:]) if lag else stats.pearsonr(x, y)
    # AR(1) coefficient as the lag-1 sample autocorrelation (statsmodels' acf, unadjusted).
    from statsmodels.tsa.stattools import acf

    phi = float(acf(x, nlags=1, fft=False)[1])
    cases.append({"x": lst(x), "y": lst(y), "lag": lag, "r": float(r.statistic), "p": float(r.pvalue), "phi": phi, "prewhitened": lst(x[1:] - phi * x[:-1])})
out["lagged"] = cases

cases = []
for i in range(CASES):
    n = int(rng.integers(30, 200))
    x = series(n, i % 4)
    y = np.zeros(n)
    for t in range(2, n):
        y[t] = 0.4 * y[t - 1] + (0.5 * x[t - 1] if i % 2 else 0) + rng.normal()
    lags = int(rng.integers(1, 5))
    res = grangercausalitytests(np.column_stack([y, x]), maxlag=[lags])
    f, p, dfd, dfn = res[lags][0]["ssr_ftest"]
    cases.append({"x": lst(x), "y": lst(y), "lags": lags, "f": float(f), "p": float(p), "df_den": int(dfd), "df_num": int(dfn)})
out["granger"] = cases

cases = []
for i in range(CASES):
    r1, r2 = rng.uniform(-0.95, 0.95, 2)
    n1, n2 = (int(v) for v in rng.integers(5, 400, 2))
    z = (np.arctanh(r1) - np.arctanh(r2)) / np.sqrt(1 / (n1 - 3) + 1 / (n2 - 3))
    p = 2 * stats.norm.sf(abs(z))
    cases.append({"r1": float(r1), "n1": n1, "r2": float(r2), "n2": n2, "z": float(z), "p": float(p)})
out["fisher_z"] = cases

cases = []
for i in range(CASES):
    d1, d2 = (float(v) for v in rng.uniform(1, 60, 2))
    f = float(rng.uniform(0.05, 8))
    chi_df = float(rng.integers(1, 30))
    chi_x = float(rng.uniform(0.1, 60))
    t_df = float(rng.uniform(1, 200))
    t = float(rng.normal(0, 3))
    n = int(rng.integers(1, 300))
    k = int(rng.integers(0, n + 1))
    prob = float(rng.uniform(0.05, 0.95))
    cases.append({
        "f": f, "d1": d1, "d2": d2, "f_sf": float(stats.f.sf(f, d1, d2)),
        "chi_x": chi_x, "chi_df": chi_df, "chi_sf": float(stats.chi2.sf(chi_x, chi_df)),
        "t": t, "t_df": t_df, "t_two_sided": float(2 * stats.t.sf(abs(t), t_df)),
        "z": t, "normal_two_sided": float(2 * stats.norm.sf(abs(t))),
        "k": k, "n": n, "prob": prob, "binom_p": float(stats.binomtest(k, n, prob).pvalue),
    })
out["distributions"] = cases

cases = []
for i in range(CASES):
    digits = rng.integers(0, 10, int(rng.integers(20, 500)))
    if i % 2:
        digits = np.where(rng.uniform(size=digits.size) < 0.3, 0, digits)  # favour round numbers
    counts = np.bincount(digits, minlength=10)
    c = stats.chisquare(counts)
    cases.append({"digits": [int(d) for d in digits], "chi2": float(c.statistic), "p": float(c.pvalue)})
out["last_digits"] = cases

cases = []
for i in range(CASES):
    p = rng.uniform(0, 1, int(rng.integers(1, 60))) ** (1 + 3 * (i % 3))
    cases.append({"p": lst(p), "adjusted": lst(multipletests(p, method="fdr_bh")[1])})
out["benjamini_hochberg"] = cases

cases = []
for i in range(CASES):
    n = int(rng.integers(300, 1500))
    values = rng.normal(100, 15, n)
    if i % 2:
        values = np.concatenate([values, rng.uniform(100, 102, n // 10)])  # bunching just past 100
    lower, upper, bins = 70.0, 130.0, 60
    wl, wu = 100.0, 103.0
    counts, edges = np.histogram(values, bins=bins, range=(lower, upper))
    centres = (edges[:-1] + edges[1:]) / 2
    inside = (centres >= wl) & (centres < wu)
    coef = np.polyfit(centres[~inside], counts[~inside], 3)
    fitted = np.polyval(coef, centres)
    observed = counts[inside].sum()
    expected = np.clip(fitted[inside], 0, None).sum()
    below = int(((values >= 98) & (values < 100)).sum())
    above = int(((values >= 100) & (values < 102)).sum())
    cases.append({
        "values": lst(values), "lower": lower, "upper": upper, "bins": bins, "window_lower": wl, "window_upper": wu,
        "counts": [int(c) for c in counts], "fitted": lst(fitted), "observed": float(observed), "expected": float(expected),
        "below": below, "above": above, "split_p": float(stats.binomtest(above, below + above, 0.5).pvalue),
    })
out["bunching"] = cases

print(json.dumps(out, separators=(",", ":")))
