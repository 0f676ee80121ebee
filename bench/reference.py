#!/usr/bin/env python3
"""Plumbline's data statistics, the way a data analyst would compute them.

Reads the files `plumb bench --write DIR` leaves behind (canvas.yaml, values.csv,
planted.json) and runs, with pandas, numpy, scipy and statsmodels, the same tests as
Plumbline's data rules (DATA-01 to DATA-11, ../shared/RULES.md) with the same parameters,
then Benjamini-Hochberg control across the run, and scores the findings against the
planted problems exactly as `plumb bench` does.

    python bench/reference.py DIR          # figures as text
    python bench/reference.py DIR --json   # one JSON object (bench/compare reads it)

The clock covers reading both files and every statistic, as `plumb bench`'s "total" does.
Values are expected at weekly granularity (ISO weeks, 2022-W01), which is what the benchmark
writes; KPIs measured monthly or quarterly are aligned by averaging their weeks, a week
belonging to the month of its Thursday (as Plumbline's periods do).
"""

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.tsa.stattools import grangercausalitytests

# Rule parameters: Plumbline's defaults (RULES.md, `plumb rules`).
FDR_Q = 0.05  # Benjamini-Hochberg across every p-value of the run
PER_TEST_LEVEL = 0.01  # each finding must also reach this on its own
DATA01_MIN_OBS, DATA01_MIN_WINDOW = 200, 50
DATA01_BINS, DATA01_DEGREE, DATA01_REPLICATES = 48, 7, 100
DATA02_MIN_PERIODS = 8
DATA03_MIN_VALUES = 100
DATA04_MIN_PERIODS = 8
DATA05_MIN_PERIODS = 8
DATA07_MIN_PERIODS, DATA07_MAX_LAG = 30, 4
DATA08_MIN_PERIODS, DATA08_SHARE = 12, 0.9
DATA09_MAX_MISSING = 2
DATA10_PERIODS = 12
DATA11_MIN_PERIODS = 24

# Pandas period frequency of each KPI frequency (weekly values cannot be aligned any finer).
ALIGN_FREQ = {None: "W", "daily": "W", "weekly": "W", "monthly": "M", "quarterly": "Q", "yearly": "Y"}


def as_list(v):
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return []
    return list(v) if isinstance(v, list) else [v]


# --------------------------------------------------------------------------- loading


def load_canvas(path):
    with open(path) as f:
        canvas = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    kpis = pd.DataFrame(canvas.get("kpis") or [])
    for col in ("status", "direction", "target", "level", "frequency", "serves", "drives"):
        if col not in kpis:
            kpis[col] = None
    kpis["status"] = kpis["status"].fillna("current")
    kpis["serves"] = kpis["serves"].map(as_list)
    kpis["drives"] = kpis["drives"].map(as_list)
    kpis["sign"] = kpis["direction"].map({"increase": 1.0, "decrease": -1.0})
    # A point target: a number on a KPI that is to increase or decrease (not a {min, max} band).
    numeric = kpis["target"].map(lambda t: isinstance(t, (int, float)) and not isinstance(t, bool))
    kpis["point_target"] = kpis["target"].where(numeric & kpis["sign"].notna()).astype(float)
    kpis["freq"] = kpis["frequency"].map(lambda f: ALIGN_FREQ.get(f if isinstance(f, str) else None, "W"))
    kpis = kpis.set_index("id", drop=False)
    objectives = pd.DataFrame(canvas.get("objectives") or [])
    if "outcome" not in objectives:
        objectives["outcome"] = None
    objectives["outcome"] = objectives["outcome"].map(as_list)
    incentives = canvas.get("incentives") or []
    return kpis, objectives, incentives


def load_values(path):
    df = pd.read_csv(path, dtype={"kpi": "category", "period": "category", "entity": "category"})
    labels = df["period"].cat.categories
    if not labels.str.fullmatch(r"\d{4}-W\d{2}").all():
        sys.exit("reference.py handles weekly values (2022-W01), as plumb bench writes them")
    weeks = pd.PeriodIndex(pd.to_datetime(labels + "-1", format="%G-W%V-%u"), freq="W")
    df["week"] = weeks[df["period"].cat.codes]
    is_entity, present = df["entity"].notna(), df["value"].notna()
    # A KPI's value for a week: its own total where given, else the mean over its entities.
    totals = df[~is_entity & present].groupby(["kpi", "week"], observed=True)["value"].last()
    entity_means = df[is_entity & present].groupby(["kpi", "week"], observed=True)["value"].mean()
    weekly = totals.combine_first(entity_means).unstack("kpi")
    weekly.columns = weekly.columns.astype(str)
    # Up to the latest week in the file, empty cells included (what "up to now" means for DATA-09).
    weekly = weekly.reindex(pd.period_range(df["week"].min(), df["week"].max(), freq="W"))
    entities = {
        str(k): g.to_numpy()
        for k, g in df.loc[is_entity & present, ["kpi", "value"]].groupby("kpi", observed=True)["value"]
    }
    return weekly, entities


class Aligned:
    """A KPI's series at its own frequency, from its first to its last value (gaps NaN)."""

    __slots__ = ("freq", "col", "first", "last", "values", "observed")

    def __init__(self, freq, col, first, last, values):
        self.freq, self.col, self.first, self.last, self.values = freq, col, first, last, values
        self.observed = int(np.count_nonzero(~np.isnan(values)))


def align(weekly, kpis):
    """One wide frame per frequency (rows: periods; columns: KPIs) and each KPI's span in it."""
    freq_of = kpis["freq"].reindex(weekly.columns).fillna("W")
    frames = {}
    for freq, cols in freq_of.groupby(freq_of).groups.items():
        sub = weekly[list(cols)]
        if freq != "W":
            # A week belongs to the month (quarter, year) of its Thursday; weeks are averaged.
            sub = sub.groupby((sub.index.start_time + pd.Timedelta(days=3)).to_period(freq)).mean()
        frames[freq] = sub
    aligned = {}
    for freq, frame in frames.items():
        arr = frame.to_numpy()
        has = ~np.isnan(arr)
        first = has.argmax(axis=0)
        last = len(arr) - 1 - has[::-1].argmax(axis=0)
        for j, kpi in enumerate(frame.columns):
            if has[:, j].any():
                aligned[kpi] = Aligned(freq, j, first[j], last[j], arr[first[j] : last[j] + 1, j])
    arrays = {freq: frame.to_numpy() for freq, frame in frames.items()}
    return frames, arrays, aligned


def overlap(a, b, arrays):
    """The two series on the periods they share (NaN kept), and the first shared position."""
    if a.freq != b.freq:
        return None
    lo, hi = max(a.first, b.first), min(a.last, b.last)
    if hi < lo:
        return None
    arr = arrays[a.freq]
    return arr[lo : hi + 1, a.col], arr[lo : hi + 1, b.col], lo


# --------------------------------------------------------------------------- statistics


def mann_kendall(x):
    """Mann-Kendall S, its tie-corrected variance and the continuity-corrected z."""
    x = x[~np.isnan(x)]
    n = len(x)
    s = np.triu(np.sign(x[np.newaxis, :] - x[:, np.newaxis]), k=1).sum()
    _, t = np.unique(x, return_counts=True)
    var = (n * (n - 1) * (2 * n + 5) - (t * (t - 1) * (2 * t + 5)).sum()) / 18
    z = 0.0 if var <= 0 or s == 0 else (s - np.sign(s)) / np.sqrt(var)
    return s, z, n


def trend_table(aligned):
    """Mann-Kendall test of every aligned series: S and two-sided p, one row per KPI."""
    rows = [mann_kendall(a.values) for a in aligned.values()]
    table = pd.DataFrame(rows, index=list(aligned), columns=["s", "z", "n"])
    table["p"] = np.where(table["n"] < 3, 1.0, np.minimum(1.0, 2 * stats.norm.sf(table["z"].abs())))
    return table


def lag1_autocorrelation(x):
    """The lag-1 autocorrelation of the values present (the AR(1) coefficient to prewhiten with)."""
    x = x[~np.isnan(x)]
    if len(x) <= 2:
        return 0.0
    d = x - x.mean()
    den = (d * d).sum()
    return (d[:-1] * d[1:]).sum() / den if den > 0 else 0.0


def prewhiten(x):
    """AR(1) prewhitening: e_t = x_t - phi * x_(t-1), phi the lag-1 autocorrelation."""
    return x[1:] - lag1_autocorrelation(x) * x[:-1]


def pearson(x, y):
    """Pearson r and two-sided p over the complete pairs (NaN r below 3 pairs or without spread)."""
    ok = ~np.isnan(x) & ~np.isnan(y)
    n = int(ok.sum())
    if n < 3 or np.ptp(x[ok]) == 0 or np.ptp(y[ok]) == 0:
        return np.nan, 1.0, n
    r, p = stats.pearsonr(x[ok], y[ok])
    return r, p, n


def welch(before, after):
    """Welch's t for a shift in mean from `before` to `after` (positive when after is larger)."""
    a, b = before[~np.isnan(before)], after[~np.isnan(after)]
    if len(a) < 2 or len(b) < 2:
        return 0.0, 1.0
    t, p = stats.ttest_ind(b, a, equal_var=False)
    return (0.0, 1.0) if np.isnan(t) else (t, p)


def last_digits(values):
    """Last significant digit at the finest precision the values share (up to 4 decimals)."""
    decimals = 0
    while decimals < 4:
        scaled = values * 10.0**decimals
        if not (np.abs(scaled - np.round(scaled)) > 1e-6 * np.maximum(1, np.abs(scaled))).any():
            break
        decimals += 1
    ints = np.round(np.abs(values) * 10.0**decimals).astype(np.int64)
    for _ in range(6):
        if (ints % 10 == 0).all() and (ints != 0).any():
            ints //= 10
        else:
            break
    return ints % 10


def bin_width(values):
    """An eighth of the values' robust spread (IQR / 1.349, else the standard deviation)."""
    q1, q3 = np.percentile(values, [25, 75])
    scale = (q3 - q1) / 1.349
    if scale <= 0:
        scale = values.std(ddof=1)
    return scale / 8 if np.isfinite(scale) and scale > 0 else None


def bunching_p(values, target, h):
    """DATA-01's p: excess mass in the four bins (width h) just past the target over a degree-7
    polynomial counterfactual fitted outside them (Chetty et al.; residual-bootstrap standard
    error), combined with an exact binomial test of the split just below/above the target."""
    counts, edges = np.histogram(values, bins=DATA01_BINS, range=(target - 24 * h, target + 24 * h))
    x = ((edges[:-1] + edges[1:]) / 2 - target) / h  # bin centres, in bins from the target
    inside = (x >= 0) & (x < 4)
    out = ~inside
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", getattr(np, "exceptions", np).RankWarning)
        fitted = np.polyval(np.polyfit(x[out], counts[out], DATA01_DEGREE), x)
        expected = np.clip(fitted[inside], 0, None).sum()
        mass = counts[inside].sum() - expected
        # Residual bootstrap: refit on fitted counts plus resampled residuals, all replicates at once.
        rng = np.random.default_rng(1)
        residuals = counts[out] - fitted[out]
        boot = fitted[:, None] + rng.choice(residuals, size=(len(x), DATA01_REPLICATES))
        refits = np.polyval(np.polyfit(x[out], boot[out], DATA01_DEGREE), x[:, None])
    masses = (boot[inside] - np.clip(refits[inside], 0, None)).sum(axis=0)
    se = np.sqrt(masses.std(ddof=1) ** 2 + max(expected, 1))  # plus the window's Poisson noise
    p_mass = stats.norm.sf(mass / se) if mass > 0 else 1.0
    above = int(((values >= target) & (values < target + 4 * h)).sum())
    below = int(((values >= target - 4 * h) & (values < target)).sum())
    p_split = stats.binomtest(above, above + below, 0.5, alternative="greater").pvalue if above > below else 1.0
    return min(1.0, 2 * min(p_mass, p_split))


# --------------------------------------------------------------------------- rules


class Run:
    def __init__(self, canvas_path, values_path):
        self.kpis, self.objectives, self.incentives = load_canvas(canvas_path)
        self.weekly, self.entities = load_values(values_path)
        self.frames, self.arrays, self.aligned = align(self.weekly, self.kpis)
        current = self.kpis[self.kpis["status"] == "current"]
        self.current = current
        self.current_ids = set(current.index)
        self.sign = self.kpis["sign"].to_dict()
        self.serving = current.explode("serves").groupby("serves", sort=False)["id"].apply(list).to_dict()
        is_result = current["level"].isin(["outcome", "impact"])
        self.results = current[is_result].explode("serves").groupby("serves")["id"].apply(list).to_dict()
        self.obj_outcomes = dict(zip(self.objectives["id"], self.objectives["outcome"]))
        self.findings = []  # dicts: rule, subjects, p (None: not a tested finding), not_enough

    def add(self, rule, subjects, p=None, not_enough=False):
        self.findings.append({"rule": rule, "subjects": list(subjects), "p": p, "not_enough": not_enough})

    def outcomes(self, kpi):
        """The KPIs it drives and the outcome/impact KPIs of the objectives it serves, never itself."""
        ids = list(self.kpis.at[kpi, "drives"])
        for o in self.kpis.at[kpi, "serves"]:
            ids += self.obj_outcomes.get(o, []) + self.results.get(o, [])
        seen, result = {kpi}, []
        for k in ids:
            if k not in seen and k in self.current_ids:
                seen.add(k)
                result.append(k)
        return result

    # DATA-01 ---------------------------------------------------------------
    def data01(self):
        for kpi, target in self.current["point_target"].dropna().items():
            raw = self.entities.get(kpi)  # entity-level values: the reported numbers
            if raw is None or len(raw) == 0:
                continue
            if len(raw) < DATA01_MIN_OBS:
                self.add("DATA-01", [kpi], not_enough=True)
                continue
            values = raw if self.sign[kpi] > 0 else 2 * target - raw  # good side always above
            h = bin_width(values)
            if h is None:
                continue
            if ((values >= target) & (values < target + 4 * h)).sum() < DATA01_MIN_WINDOW:
                self.add("DATA-01", [kpi], not_enough=True)
            else:
                self.add("DATA-01", [kpi], bunching_p(values, target, h))

    # DATA-02 ---------------------------------------------------------------
    def data02(self):
        candidates = self.current[
            self.current["frequency"].isin(["monthly", "quarterly"])
            & self.current["sign"].notna()
            & self.current.index.isin(self.weekly.columns)
        ]
        for frequency, group in candidates.groupby("frequency"):
            sub = self.weekly[group.index]
            freq = ALIGN_FREQ[frequency]
            by = sub.groupby((sub.index.start_time + pd.Timedelta(days=3)).to_period(freq))
            last, count, total = by.last(), by.count(), by.sum()
            rest_mean = (total - last) / (count - 1)
            valid = count >= 2
            better = ((last - rest_mean) * group["sign"] > 0) & valid
            for kpi in group.index:
                periods, ends = int(valid[kpi].sum()), int(better[kpi].sum())
                if periods == 0:
                    continue
                if periods < DATA02_MIN_PERIODS:
                    self.add("DATA-02", [kpi], not_enough=True)
                elif 2 * ends > periods:
                    self.add("DATA-02", [kpi], stats.binomtest(ends, periods, 0.5, alternative="greater").pvalue)

    # DATA-03 ---------------------------------------------------------------
    def data03(self):
        counts = {}
        for kpi in self.current.index:
            if kpi in self.entities:
                values = self.entities[kpi]  # the reported numbers, not their means
            elif kpi in self.weekly:
                values = self.weekly[kpi].dropna().to_numpy()
            else:
                continue
            if len(values) < DATA03_MIN_VALUES:
                self.add("DATA-03", [kpi], not_enough=True)
                continue
            counts[kpi] = np.bincount(last_digits(values), minlength=10)
        if counts:
            # One chi-square test against uniform digits per KPI (row) of the table of digit counts.
            table = pd.DataFrame.from_dict(counts, orient="index")
            for kpi, p in zip(table.index, stats.chisquare(table.to_numpy(), axis=1).pvalue):
                self.add("DATA-03", [kpi], p)

    # DATA-04 ---------------------------------------------------------------
    def data04(self):
        sign = self.sign
        trends = trend_table(self.aligned)
        s_of, p_of = trends["s"].to_dict(), trends["p"].to_dict()
        for kpi in self.current.index:
            if np.isnan(sign[kpi]) or kpi not in self.aligned:
                continue
            outcomes = [o for o in self.outcomes(kpi) if not np.isnan(sign[o])]
            if not outcomes:
                continue
            series = self.aligned[kpi]
            if series.observed < DATA04_MIN_PERIODS:
                self.add("DATA-04", [kpi], not_enough=True)
                continue
            s, p = s_of[kpi], p_of[kpi]
            if s * sign[kpi] <= 0:
                continue
            for o in outcomes:
                if o not in self.aligned:
                    continue
                if self.aligned[o].observed < DATA04_MIN_PERIODS:
                    self.add("DATA-04", [kpi, o], not_enough=True)
                    continue
                so, po = s_of[o], p_of[o]
                if so * sign[o] >= 0 or max(p, po) > PER_TEST_LEVEL:
                    continue  # as the engine: pairs above the per-test level are not reported
                # Sen's slopes for the evidence, as the finding shows them.
                for k in (kpi, o):
                    v = self.aligned[k].values
                    t = np.flatnonzero(~np.isnan(v))
                    stats.theilslopes(v[t], t)
                self.add("DATA-04", [kpi, o], max(p, po))

    # DATA-05 ---------------------------------------------------------------
    def data05(self):
        sign = self.sign
        for incentive in self.incentives:
            since = incentive.get("since")
            if not since:
                continue
            for kid in as_list(incentive.get("tied_to")):
                if kid not in self.kpis.index or np.isnan(sign[kid]) or kid not in self.aligned:
                    continue
                ks = self.aligned[kid]
                index = self.frames[ks.freq].index
                split = (pd.Period(str(since), freq=ks.freq) - index[0]).n  # position of `since`
                for o in self.outcomes(kid):
                    if np.isnan(sign[o]) or o not in self.aligned:
                        continue
                    pair = overlap(ks, self.aligned[o], self.arrays)
                    if pair is None:
                        continue
                    x, y, start = pair
                    x, y = x * sign[kid], y * sign[o]
                    cut = split - start
                    if not 0 < cut < len(x):
                        continue
                    subjects = [incentive["id"], kid, o]
                    rb, _, nb = pearson(x[:cut], y[:cut])
                    ra, _, na = pearson(x[cut:], y[cut:])
                    if nb < DATA05_MIN_PERIODS or na < DATA05_MIN_PERIODS:
                        self.add("DATA-05", subjects, not_enough=True)
                        continue
                    p = 1.0
                    if np.isfinite(rb) and np.isfinite(ra) and ra < rb and nb > 3 and na > 3:
                        clip = lambda r: np.clip(r, -0.999999999, 0.999999999)  # noqa: E731
                        z = (np.arctanh(clip(rb)) - np.arctanh(clip(ra))) / np.sqrt(1 / (nb - 3) + 1 / (na - 3))
                        p = min(1.0, 2 * stats.norm.sf(abs(z))) / 2  # one-sided: weakened
                    # The KPI's level jumps the good way while the outcome's does not.
                    tk, pk = welch(x[:cut], x[cut:])
                    to, _ = welch(y[:cut], y[cut:])
                    if tk > 0 and to <= 0:
                        p = min(1.0, 2 * min(p, pk / 2))  # either signal, Bonferroni for the two
                    if p < 1:
                        self.add("DATA-05", subjects, p)

    # DATA-07 ---------------------------------------------------------------
    def data07(self):
        sign = self.sign
        tested = []
        for kpi, drives in self.current["drives"].items():
            for tid in drives:
                if tid not in self.current_ids or kpi not in self.aligned or tid not in self.aligned:
                    continue
                pair = overlap(self.aligned[kpi], self.aligned[tid], self.arrays)
                if pair is None:
                    continue
                xr, yr, _ = pair
                complete = ~np.isnan(xr) & ~np.isnan(yr)
                n = int(complete.sum())
                if n < DATA07_MIN_PERIODS:
                    self.add("DATA-07", [kpi, tid], not_enough=True)
                    continue
                sx = 1.0 if np.isnan(sign[kpi]) else sign[kpi]
                sy = 1.0 if np.isnan(sign[tid]) else sign[tid]
                x, y = prewhiten(xr * sx), prewhiten(yr * sy)
                best = 1.0
                for lag in range(1, DATA07_MAX_LAG + 1):
                    r, p, _ = pearson(x[:-lag], y[lag:])
                    if np.isfinite(r) and r > 0:
                        best = min(best, p / 2)
                p = min(1.0, best * DATA07_MAX_LAG)
                if n >= 3 * DATA07_MAX_LAG + 10:
                    data = np.column_stack([yr, xr])[complete]  # does column 2 help predict column 1?
                    lags = min(DATA07_MAX_LAG, 2)
                    f_test = grangercausalitytests(data, maxlag=[lags])[lags][0]["ssr_ftest"]
                    p = min(1.0, 2 * min(p, f_test[1]))
                tested.append(([kpi, tid], p))
        if tested:
            # A link is supported when its evidence survives false-discovery control among the links.
            adjusted = multipletests([p for _, p in tested], alpha=FDR_Q, method="fdr_bh")[1]
            for (subjects, _), adj in zip(tested, adjusted):
                if adj > FDR_Q:
                    self.add("DATA-07", subjects)

    # DATA-08, DATA-09, DATA-10 ----------------------------------------------
    def target_checks(self):
        latest = {freq: len(frame) - 1 for freq, frame in self.frames.items()}
        for row in self.current.itertuples():
            kpi = row.id
            if kpi not in self.aligned:
                continue
            series = self.aligned[kpi]
            # DATA-09: periods without a value from the first one to the latest in the data.
            missing = (latest[series.freq] - series.first + 1) - series.observed
            if missing > DATA09_MAX_MISSING:
                self.add("DATA-09", [kpi])
            target, sign = row.point_target, row.sign
            if np.isnan(target):
                continue
            values = series.values[~np.isnan(series.values)]
            meets = values <= target if sign < 0 else values >= target
            # DATA-08: met nearly always, by less than one standard deviation.
            if len(values) < DATA08_MIN_PERIODS:
                if len(values):
                    self.add("DATA-08", [kpi], not_enough=True)
            else:
                sd = values.std(ddof=1)
                margin = np.median((values[meets] - target) * sign) if meets.any() else np.nan
                if meets.mean() >= DATA08_SHARE and sd > 0 and margin < sd:
                    self.add("DATA-08", [kpi])
            # DATA-10: the last 12 periods never met, or always beaten by more than two sd.
            recent = series.values[-DATA10_PERIODS:]
            recent = recent[~np.isnan(recent)]
            if len(recent) < DATA10_PERIODS:
                if len(recent):
                    self.add("DATA-10", [kpi], not_enough=True)
                continue
            sd = recent.std(ddof=1)
            met = recent <= target if sign < 0 else recent >= target
            if not met.any() or (sd > 0 and ((recent - target) * sign > 2 * sd).all()):
                self.add("DATA-10", [kpi])

    # DATA-11 ---------------------------------------------------------------
    def data11(self):
        # Every series oriented by its good direction and prewhitened once, over its own span.
        whitened = {}
        for freq, arr in self.arrays.items():
            w = np.full_like(arr, np.nan)
            for kpi in self.frames[freq].columns:
                a = self.aligned.get(kpi)
                if a is not None:
                    w[a.first + 1 : a.last + 1, a.col] = prewhiten(a.values)
            whitened[freq] = w
        sign = self.kpis["sign"]  # a Series: indexed by lists of KPIs below
        seen = set()
        for objective in self.objectives["id"]:
            members = [k for k in self.serving.get(objective, []) if not np.isnan(sign[k]) and k in self.aligned]
            by_freq = {}
            for k in members:
                by_freq.setdefault(self.aligned[k].freq, []).append(k)
            for freq, ks in by_freq.items():
                if len(ks) < 2:
                    continue
                cols = [self.aligned[k].col for k in ks]
                signs = sign[ks].to_numpy()
                w = pd.DataFrame(whitened[freq][:, cols] * signs, columns=ks)
                r = w.corr().to_numpy()
                present = w.notna().to_numpy(dtype=float)
                n_white = present.T @ present
                raw = ~np.isnan(self.arrays[freq][:, cols])
                n_raw = raw.T.astype(float) @ raw.astype(float)
                df = n_white - 2
                with np.errstate(divide="ignore", invalid="ignore"):
                    t = r * np.sqrt(df / ((1 - r) * (1 + r)))
                p_one = stats.t.cdf(t, df)  # one-sided: negatively correlated
                for i in range(len(ks) - 1):
                    for j in range(i + 1, len(ks)):
                        pair = frozenset((ks[i], ks[j]))
                        if pair in seen:  # a pair of KPIs serving several objectives is tested once
                            continue
                        seen.add(pair)
                        if n_raw[i, j] < DATA11_MIN_PERIODS:
                            self.add("DATA-11", [ks[i], ks[j]], not_enough=True)
                        elif np.isfinite(r[i, j]) and r[i, j] < 0 and n_white[i, j] >= 3:
                            self.add("DATA-11", [ks[i], ks[j], objective], p_one[i, j])

    # The run -----------------------------------------------------------------
    def control_false_discoveries(self):
        tested = [f for f in self.findings if f["p"] is not None]
        if tested:
            adjusted = multipletests([f["p"] for f in tested], alpha=FDR_Q, method="fdr_bh")[1]
            dropped = {id(f) for f, a in zip(tested, adjusted) if a > FDR_Q or f["p"] > PER_TEST_LEVEL}
            self.findings = [f for f in self.findings if id(f) not in dropped]
        return len(tested)


def score(findings, planted):
    """Recall and false positives against the planted problems, as `plumb bench` counts them."""
    wanted = {(p["rule"], frozenset(p["subjects"])) for p in planted}
    by_rule = {}

    def entry(rule):
        return by_rule.setdefault(rule, {"findings": 0, "planted": 0, "found": 0, "false_positives": 0})

    for p in planted:
        entry(p["rule"])["planted"] += 1
    hit, false_positives = set(), 0
    for f in findings:
        if f["not_enough"]:
            continue
        key = (f["rule"], frozenset(f["subjects"]))
        entry(f["rule"])["findings"] += 1
        if key in wanted:
            if key not in hit:
                hit.add(key)
                entry(f["rule"])["found"] += 1
        else:
            entry(f["rule"])["false_positives"] += 1
            false_positives += 1
    recall = len(hit) / len(planted) if planted else 1.0
    return len(hit), recall, false_positives, by_rule


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="directory written by `plumb bench --write DIR`")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    warnings.filterwarnings("ignore", category=stats.ConstantInputWarning)
    t0 = time.perf_counter()
    run = Run(args.dir / "canvas.yaml", args.dir / "values.csv")
    t1 = time.perf_counter()
    run.data01()
    run.data02()
    run.data03()
    run.data04()
    run.data05()
    run.data07()
    run.target_checks()
    run.data11()
    tests = run.control_false_discoveries()
    t2 = time.perf_counter()

    planted = json.loads((args.dir / "planted.json").read_text())
    data = [f for f in run.findings if not f["not_enough"]]
    found, recall, false_positives, by_rule = score(run.findings, planted)
    report = {
        "seconds": t2 - t0,
        "seconds_load": t1 - t0,
        "seconds_statistics": t2 - t1,
        "kpis": len(run.kpis),
        "tests": tests,
        "findings": len(data),
        "not_enough_data": len(run.findings) - len(data),
        "planted": len(planted),
        "found": found,
        "recall": recall,
        "false_positives": false_positives,
        "by_rule": dict(sorted(by_rule.items())),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"reference (pandas/scipy/statsmodels): {report['kpis']} KPIs")
    print(f"load:       {report['seconds_load']:.3f} s")
    print(f"statistics: {report['seconds_statistics']:.3f} s ({tests} p-values under false-discovery control)")
    print(f"total:      {report['seconds']:.3f} s")
    print(f"findings:   {len(data)}")
    print(
        f"planted problems found: {found} of {len(planted)} (recall {100 * recall:.1f} %), "
        f"false positives: {false_positives}"
    )
    for rule, s in sorted(by_rule.items()):
        print(
            f"  {rule}: {s['findings']} findings, found {s['found']} of {s['planted']}, "
            f"false positives {s['false_positives']}"
        )


if __name__ == "__main__":
    main()
