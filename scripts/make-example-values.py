#!/usr/bin/env python3
"""Write the KPI values that ship with the examples (seeded, so the files are reproducible).

    python3 scripts/make-example-values.py

warehouse-weekly.csv: 52 weeks in which picking productivity climbs after the site bonus starts
(2025-W14) while damaged parcels and complaints climb with it — local gain, global harm.
saas-monthly.csv: 24 months in which sign-ups climb while churn rises and retention falls.
"""
import csv
import datetime
import random

rng = random.Random(20251)


def weeks(n, start=(2025, 1)):
    monday = datetime.date.fromisocalendar(start[0], start[1], 1)
    for i in range(n):
        y, w, _ = (monday + datetime.timedelta(weeks=i)).isocalendar()
        yield f"{y}-W{w:02d}"


rows = []
for i, week in enumerate(weeks(52)):
    after = max(0, i - 13)  # the site bonus starts in week 14
    rows.append({
        "period": week,
        "picks-per-hour": round(128 + 0.9 * after + rng.gauss(0, 2.5), 1),
        "damage-rate": round(0.45 + 0.012 * after + rng.gauss(0, 0.04), 3),
        "complaints": round(3.6 + 0.05 * after + rng.gauss(0, 0.3), 2),
        "order-accuracy": round(99.6 - 0.01 * after + rng.gauss(0, 0.08), 2),
    })

with open("examples/values/warehouse-weekly.csv", "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)

# saas-monthly.csv: two years in which sign-ups climb, most steeply after the step bonus starts
# (2025-01), while churn rises and net revenue retention falls.
rows = []
for i in range(24):
    year, month = 2024 + i // 12, i % 12 + 1
    after = max(0, i - 11)
    rows.append({
        "period": f"{year}-{month:02d}",
        "signups": round(300 + 4 * i + 9 * after + rng.gauss(0, 8)),
        "churn-rate": round(1.2 + 0.04 * i + 0.05 * after + rng.gauss(0, 0.08), 2),
        "nrr": round(112 - 0.4 * i - 0.3 * after + rng.gauss(0, 0.6), 1),
        "arr": round(18 + 0.6 * i + rng.gauss(0, 1.5), 1),
    })

with open("examples/values/saas-monthly.csv", "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
