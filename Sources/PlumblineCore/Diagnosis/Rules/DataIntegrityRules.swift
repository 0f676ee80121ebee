/// DATA-01: entity-level values bunch just past the target.
public struct TargetBunchingRule: Rule {
    public let metadata = RuleMetadata(
        id: "DATA-01", title: "Values bunch just past the target", category: .data, severity: .error,
        summary:
            "Entity-level values pile up on the good side of the target, beyond what a smooth distribution explains.",
        checks: """
            Entity-level values (per team, store, agent…) of KPIs with a numeric target are binned around \
            the target; a cubic fitted outside a window just past the target gives the counterfactual. \
            Excess mass in the window (bootstrap standard error) and an exact binomial test of values just \
            below against just above the target are combined and controlled for false discoveries.
            """,
        rationale: """
            When a threshold pays, reports cluster right past it: the bunching and density-discontinuity \
            tests of Chetty et al. and McCrary find exactly this in tax and test-score data.
            """,
        remedy:
            "Audit the values just past the target, make the payout continuous (linear) rather than a step, and measure independently.",
        parameters: [
            RuleParameter("min_observations", default: 200, "entity values needed"),
            RuleParameter("min_in_window", default: 50, "values needed near the target"),
        ])

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        guard let data = context.analysis.data else { return [] }
        let minimum = Int(context.parameter("min_observations")), minWindow = Int(context.parameter("min_in_window"))
        var out: [Finding] = []
        for kpi in context.analysis.currentKPIs {
            guard let target = pointTarget(kpi), let sign = goodSign(kpi), let series = data.values.series[kpi.id]
            else { continue }
            let raw = series.entityValues.map(\.value)
            guard !raw.isEmpty else { continue }
            if raw.count < minimum {
                out.append(
                    notEnoughData(
                        [kpi.id.rawValue], what: "bunching at \(kpi.id)'s target", have: raw.count, need: minimum,
                        unit: "entity values"))
                continue
            }
            // Mirror decrease KPIs so the good side is always above the target.
            let values = raw.map { sign > 0 ? $0 : 2 * target - $0 }
            let sorted = values.sorted()
            let q1 = sorted[sorted.count / 4], q3 = sorted[(3 * sorted.count) / 4]
            var scale = (q3 - q1) / 1.349
            if scale <= 0 { scale = Descriptive.standardDeviation(values) }
            guard scale > 0, scale.isFinite else { continue }
            // Bins of an eighth of the spread; the window just past the target is four bins wide.
            let h = scale / 8
            let window = (target, target + 4 * h)
            let inWindow = values.filter { $0 >= window.0 && $0 < window.1 }.count
            if inWindow < minWindow {
                out.append(
                    notEnoughData(
                        [kpi.id.rawValue], what: "bunching at \(kpi.id)'s target", have: inWindow, need: minWindow,
                        unit: "values near the target"))
                continue
            }
            // Chetty et al. fit a degree-7 polynomial; over ±3 spreads it follows a bell closely.
            guard
                let e = Bunching.estimate(
                    values, lower: target - 24 * h, upper: target + 24 * h, bins: 48, windowLower: window.0,
                    windowUpper: window.1, degree: 7, replicates: 100)
            else { continue }
            // The bootstrap measures the counterfactual's uncertainty; the window's own count adds
            // Poisson noise on top.
            let se = (e.standardError * e.standardError + max(e.expectedInWindow, 1)).squareRoot()
            let z = e.excessMass / se
            let pMass = e.excessMass > 0 ? Distributions.normalSurvival(z) : 1
            let split = Bunching.thresholdSplit(values, threshold: target, width: 4 * h)
            let pSplit =
                split.above > split.below
                ? Distributions.binomialUpperTail(split.above, n: split.above + split.below, p: 0.5) : 1
            let p = min(1, 2 * min(pMass, pSplit))
            guard p <= DiagnosisEngine.perTestLevel else {
                context.tally.record(p: p)
                continue
            }
            var f = finding(
                "Reported values of \(kpi.name) (\(kpi.id)) bunch just past its target of \(FieldReader.format(target))",
                subjects: [kpi.id.rawValue],
                evidence: Evidence(facts: [
                    PlainField("entity values", .number(Double(values.count))),
                    PlainField("values in the window", .number(Double(inWindow))),
                    PlainField(
                        "window",
                        .string(
                            "\(FieldReader.format(target)) to \(FieldReader.format(rounded(sign > 0 ? window.1 : 2 * target - window.1)))"
                        )),
                    PlainField("excess mass", .number(rounded(e.excessMass))),
                    PlainField("relative excess", .number(rounded(e.relativeExcess))),
                    PlainField("standard error", .number(rounded(se))), PlainField("z", .number(rounded(z))),
                    PlainField("just below / just above", .string("\(split.below) / \(split.above)")),
                    PlainField("p", .number(rounded(p, 6))),
                ]),
                fix: Fix(
                    "Audit the values just past \(kpi.id)'s target; replace any step payout with a linear one and have the numbers measured independently."
                ))
            f.pValue = p
            out.append(f)
        }
        return out
    }
}

/// DATA-02: the last days or weeks before a period end carry more than their share.
public struct PeriodEndPushRule: Rule {
    public let metadata = RuleMetadata(
        id: "DATA-02", title: "Period-end push", category: .data, severity: .warning,
        summary:
            "The last sub-period before a monthly or quarterly period end is better than the rest of the period, period after period.",
        checks: """
            For KPIs measured monthly or quarterly with daily or weekly values, each period's last \
            sub-period is compared with the mean of its others; a one-sided exact binomial (sign) test \
            over the periods asks whether the end is better more often than chance.
            """,
        rationale:
            "Deadline payouts pull results into the last days of a period and borrow from the next (Oyer on fiscal-year-end sales; Larkin on pay cycles).",
        remedy: "Spread the payout (linear, or on rolling periods) and look at what was pulled forward.",
        parameters: [RuleParameter("min_periods", default: 8, "periods needed")])

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        guard let data = context.analysis.data else { return [] }
        let minimum = Int(context.parameter("min_periods"))
        var out: [Finding] = []
        for kpi in context.analysis.currentKPIs {
            guard let frequency = kpi.frequency, frequency == .monthly || frequency == .quarterly,
                let sign = goodSign(kpi),
                let series = data.values.series[kpi.id], let g = series.granularity, g <= .week
            else { continue }
            let coarse: Period.Granularity = frequency == .monthly ? .month : .quarter
            var groups: [Period: [(Period, Double)]] = [:]
            for point in series.points where point.period.granularity == g {
                groups[point.period.containing(coarse), default: []].append((point.period, point.value))
            }
            var ends = 0, periods = 0, ratios: [Double] = []
            for (_, members) in groups where members.count >= 2 {
                let ordered = members.sorted { $0.0 < $1.0 }
                let last = ordered.last!.1
                let rest = ordered.dropLast().map(\.1)
                let mean = rest.reduce(0, +) / Double(rest.count)
                periods += 1
                if (last - mean) * sign > 0 { ends += 1 }
                if mean != 0 { ratios.append(last / mean) }
            }
            guard periods > 0 else { continue }
            if periods < minimum {
                out.append(
                    notEnoughData(
                        [kpi.id.rawValue], what: "period-end pushes in \(kpi.id)", have: periods, need: minimum,
                        unit: "periods"))
                continue
            }
            let p = Distributions.binomialUpperTail(ends, n: periods, p: 0.5)
            guard ends * 2 > periods else { continue }
            guard p <= DiagnosisEngine.perTestLevel else {
                context.tally.record(p: p)
                continue
            }
            var f = finding(
                "\(kpi.name) (\(kpi.id)) is better in the last \(g == .day ? "day" : "week") of \(ends) of \(periods) \(coarse)s",
                subjects: [kpi.id.rawValue],
                evidence: Evidence(facts: [
                    PlainField("periods", .number(Double(periods))),
                    PlainField("periods with a better end", .number(Double(ends))),
                    PlainField(
                        "median end / rest ratio",
                        .number(
                            rounded(
                                {
                                    var r = ratios; return Descriptive.median(&r)
                                }()))),
                    PlainField("p (one-sided sign test)", .number(rounded(p, 6))),
                ]),
                fix: Fix(
                    "Pay on rolling or linear terms rather than at \(coarse) end, and check what was pulled forward into the last \(g == .day ? "days" : "weeks")."
                ))
            f.pValue = p
            out.append(f)
        }
        return out
    }
}

/// DATA-03: last digits that people, not processes, chose.
public struct LastDigitRule: Rule {
    public let metadata = RuleMetadata(
        id: "DATA-03", title: "Hand-made numbers", category: .data, severity: .info,
        summary: "The last digits of a KPI's reported values are far from uniform.",
        checks: """
            The last significant digit of every reported value of a KPI (periods and entities) is counted; \
            a χ² test against a uniform spread over 0–9 flags a preference people show and meters do not.
            """,
        rationale:
            "Measured quantities end in any digit equally often; hand-entered or adjusted ones favour 0 and 5 (digit-preference tests in forensic accounting and survey research).",
        remedy: "Find out how the numbers are produced; automate collection from the system of record.",
        parameters: [RuleParameter("min_values", default: 100, "values needed")])

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        guard let data = context.analysis.data else { return [] }
        let minimum = Int(context.parameter("min_values"))
        var out: [Finding] = []
        for kpi in context.analysis.currentKPIs {
            guard let series = data.values.series[kpi.id] else { continue }
            // Entity-level values are the reported numbers; the period values above them are then
            // their means, whose digits nobody chose.
            let values =
                series.entityValues.isEmpty ? series.points.map(\.value) : series.entityValues.map(\.value)
            if values.count < minimum {
                out.append(
                    notEnoughData(
                        [kpi.id.rawValue], what: "the last digits of \(kpi.id)", have: values.count, need: minimum,
                        unit: "values"))
                continue
            }
            guard let digits = Self.lastDigits(values) else { continue }
            let test = Bunching.lastDigits(digits)
            // The engine drops findings above the per-test level: count the test, build nothing.
            guard test.p <= DiagnosisEngine.perTestLevel else {
                context.tally.record(p: test.p)
                continue
            }
            var f = finding(
                "The last digits of \(kpi.name) (\(kpi.id)) are far from uniform",
                subjects: [kpi.id.rawValue],
                evidence: Evidence(facts: [
                    PlainField("values", .number(Double(test.n))),
                    PlainField("digit counts 0–9", .list(test.counts.map { .number(Double($0)) })),
                    PlainField("chi-square (9 df)", .number(rounded(test.chiSquare))),
                    PlainField("p", .number(rounded(test.p, 6))),
                ]),
                fix: Fix(
                    "Check how \(kpi.id)'s numbers are produced and take them straight from \(kpi.source ?? "the system of record")."
                ))
            f.pValue = test.p
            out.append(f)
        }
        return out
    }

    /// The last significant digit of each value at the finest precision the values share
    /// (up to four decimals); trailing zeros common to every value are ignored.
    static func lastDigits(_ values: [Double]) -> [Int]? {
        var decimals = 0
        while decimals < 4,
            values.contains(where: { v in
                let scaled = v * pow10(decimals)
                return abs(scaled - scaled.rounded()) > 1e-6 * max(1, abs(scaled))
            })
        { decimals += 1 }
        var integers = values.map { Int64((abs($0) * pow10(decimals)).rounded()) }
        var stripped = 0
        while stripped < 6, integers.allSatisfy({ $0 % 10 == 0 }), integers.contains(where: { $0 != 0 }) {
            integers = integers.map { $0 / 10 }
            stripped += 1
        }
        return integers.map { Int($0 % 10) }
    }

    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }
}
