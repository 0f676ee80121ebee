/// DATA-08: the target is met almost every period, and only just.
public struct TooGoodToBeTrueRule: Rule {
    public let metadata = RuleMetadata(
        id: "DATA-08", title: "Too good to be true", category: .data, severity: .warning,
        summary: "The target is met in at least 90 % of periods, by less than one standard deviation of the series.",
        checks: """
            For KPIs with a numeric target and a direction, the share of periods meeting the target and \
            the typical margin by which it is met, against the series' own standard deviation.
            """,
        rationale: """
            Honest measures of uncertain work scatter around their targets; a series that lands just past \
            the line period after period is more often managed to the line than genuinely on it \
            (Campbell's law; Bevan & Hood on targets in public services).
            """,
        remedy: "Look at how the last few periods were reached; audit the numbers or widen what is measured.",
        parameters: [
            RuleParameter("min_periods", default: 12, "periods needed"),
            RuleParameter("share", default: 0.9, "share of periods meeting the target"),
        ])

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        guard let data = context.analysis.data else { return [] }
        let minimum = Int(context.parameter("min_periods")), share = context.parameter("share")
        return context.analysis.currentKPIs.compactMap { kpi in
            guard let target = pointTarget(kpi), let sign = goodSign(kpi), let series = data.aligned[kpi.id] else {
                return nil
            }
            let values = series.values.filter { !$0.isNaN }
            guard values.count >= minimum else {
                return values.isEmpty
                    ? nil
                    : notEnoughData(
                        [kpi.id.rawValue], what: "how \(kpi.id) meets its target", have: values.count, need: minimum,
                        unit: "periods")
            }
            let met = values.filter { meets($0, kpi, target: target) }
            let sd = Descriptive.standardDeviation(values)
            let metShare = Double(met.count) / Double(values.count)
            var margins = met.map { ($0 - target) * sign }
            let median = Descriptive.median(&margins)
            guard metShare >= share, sd > 0, median < sd else { return nil }
            return finding(
                "\(kpi.name) (\(kpi.id)) met its target in \(met.count) of \(values.count) periods, each time by a hair",
                subjects: [kpi.id.rawValue],
                evidence: Evidence(facts: [
                    PlainField("periods", .number(Double(values.count))),
                    PlainField("periods meeting the target", .number(Double(met.count))),
                    PlainField("target", .number(target)), PlainField("median margin", .number(rounded(median))),
                    PlainField("standard deviation", .number(rounded(sd))),
                ]),
                fix: Fix(
                    "Audit how \(kpi.id) was reached in recent periods, and add a measure of the result it stands for.")
            )
        }
    }
}

/// DATA-09: a KPI whose values stopped arriving.
public struct StaleKPIRule: Rule {
    public let metadata = RuleMetadata(
        id: "DATA-09", title: "Stale KPI", category: .data, severity: .warning,
        summary: "A KPI has no value for more than two of its expected periods up to the latest period in the data.",
        checks: """
            From a KPI's first value to the latest period anywhere in the data, at the KPI's frequency, \
            the periods without a value are counted.
            """,
        rationale: "A measure nobody updates manages nothing, yet its last good number keeps appearing on dashboards.",
        remedy: "Restore the data feed, name who produces the numbers (measured_by), or retire the KPI.",
        parameters: [RuleParameter("max_missing", default: 2, "missing periods tolerated")])

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        guard let data = context.analysis.data else { return [] }
        let tolerated = Int(context.parameter("max_missing"))
        return context.analysis.currentKPIs.compactMap { kpi in
            guard let series = data.aligned[kpi.id], let latest = data.latest(at: series.granularity) else {
                return nil
            }
            let expected = latest - series.firstOrdinal + 1
            let missing = expected - series.observed
            guard missing > tolerated else { return nil }
            let lastSeen = series.values.lastIndex { !$0.isNaN }.map { series.period(at: $0).description } ?? "never"
            return finding(
                "\(kpi.name) (\(kpi.id)) has no value for \(missing) of its \(expected) expected periods",
                subjects: [kpi.id.rawValue],
                evidence: Evidence(facts: [
                    PlainField("expected periods", .number(Double(expected))),
                    PlainField("periods with a value", .number(Double(series.observed))),
                    PlainField("last value", .string(lastSeen)),
                    PlainField(
                        "latest period in the data",
                        .string(Period(granularity: series.granularity, ordinal: latest).description)),
                ]),
                fix: Fix("Restore \(kpi.id)'s feed from \(kpi.source ?? "its source") or retire it (status: retired)."))
        }
    }
}

/// DATA-10: a target nobody can reach, or one that asks nothing.
public struct MiscalibratedTargetRule: Rule {
    public let metadata = RuleMetadata(
        id: "DATA-10", title: "Unreachable or slack target", category: .data, severity: .info,
        summary: "In the last 12 periods the target was never met, or always met by more than two standard deviations.",
        checks:
            "The last 12 periods of KPIs with a numeric target and a direction, against the target and the series' spread.",
        rationale: """
            A target never met stops motivating and invites creative accounting; one always beaten by a \
            mile directs no effort. Either way the number no longer steers (Locke & Latham on goal difficulty).
            """,
        remedy: "Recalibrate the target from the recent distribution, or state why it is set where it is.",
        parameters: [RuleParameter("periods", default: 12, "recent periods examined")])

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        guard let data = context.analysis.data else { return [] }
        let window = Int(context.parameter("periods"))
        return context.analysis.currentKPIs.compactMap { kpi in
            guard let target = pointTarget(kpi), let sign = goodSign(kpi), let series = data.aligned[kpi.id] else {
                return nil
            }
            let recent = series.last(window).filter { !$0.isNaN }
            guard recent.count >= window else {
                return recent.isEmpty
                    ? nil
                    : notEnoughData(
                        [kpi.id.rawValue], what: "\(kpi.id)'s target", have: recent.count, need: window, unit: "periods"
                    )
            }
            let sd = Descriptive.standardDeviation(Array(recent))
            let met = recent.filter { meets($0, kpi, target: target) }.count
            let facts = [
                PlainField("periods", .number(Double(recent.count))),
                PlainField("periods meeting the target", .number(Double(met))),
                PlainField("target", .number(target)),
                PlainField("recent mean", .number(rounded(Descriptive.mean(Array(recent))))),
                PlainField("standard deviation", .number(rounded(sd))),
            ]
            if met == 0 {
                return finding(
                    "\(kpi.name) (\(kpi.id)) missed its target in every one of the last \(recent.count) periods",
                    subjects: [kpi.id.rawValue], evidence: Evidence(facts: facts),
                    fix: Fix(
                        "Reset \(kpi.id)'s target from what the last \(recent.count) periods show is reachable, or explain the gap."
                    ))
            }
            if sd > 0, recent.allSatisfy({ ($0 - target) * sign > 2 * sd }) {
                return finding(
                    "\(kpi.name) (\(kpi.id)) beat its target by more than two standard deviations in every recent period",
                    subjects: [kpi.id.rawValue], evidence: Evidence(facts: facts),
                    fix: Fix("Raise \(kpi.id)'s target so it asks for effort again, or drop it from incentives."))
            }
            return nil
        }
    }
}
