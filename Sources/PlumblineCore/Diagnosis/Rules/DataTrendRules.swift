/// DATA-04: the local KPI improves while what it is meant to serve gets worse.
public struct LocalGainGlobalHarmRule: Rule {
    public let metadata = RuleMetadata(
        id: "DATA-04", title: "Local gain, global harm", category: .data, severity: .error,
        summary:
            "A KPI trends in its good direction while a KPI it drives or an outcome it serves trends the wrong way.",
        checks: """
            For every current KPI with values, a Mann–Kendall trend test; where the KPI improves \
            significantly while a KPI it drives, or an outcome KPI of an objective it serves, worsens \
            significantly, the pair is reported (the larger of the two p-values, controlled for false \
            discoveries across the run).
            """,
        rationale: """
            This is the signature of a measure that has become the target: the local number is managed \
            up while the result it stood for slips (Goodhart, Campbell; Kerr's "rewarding A while hoping for B").
            """,
        remedy:
            "Pair the local KPI with the harmed outcome, move incentives onto the outcome, and review how the local number is being achieved.",
        parameters: [RuleParameter("min_periods", default: 8, "periods each series needs")])

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        guard let data = context.analysis.data else { return [] }
        let minimum = Int(context.parameter("min_periods"))
        var out: [Finding] = []
        for kpi in context.analysis.currentKPIs {
            guard let sign = goodSign(kpi), let series = data.aligned[kpi.id] else { continue }
            let outcomes = context.analysis.outcomes(of: kpi).filter { goodSign($0) != nil }
            guard !outcomes.isEmpty else { continue }
            if series.observed < minimum {
                out.append(
                    notEnoughData(
                        [kpi.id.rawValue], what: "whether \(kpi.id) gains at its outcomes' expense",
                        have: series.observed, need: minimum, unit: "periods"))
                continue
            }
            guard let trend = data.trends[kpi.id], trend.s * sign > 0 else { continue }
            for outcome in outcomes {
                guard let oSeries = data.aligned[outcome.id] else { continue }
                if oSeries.observed < minimum {
                    out.append(
                        notEnoughData(
                            [kpi.id.rawValue, outcome.id.rawValue], what: "\(outcome.id)'s trend",
                            have: oSeries.observed, need: minimum, unit: "periods"))
                    continue
                }
                guard let oTrend = data.trends[outcome.id], oTrend.s * goodSign(outcome)! < 0 else { continue }
                // The engine drops findings above the per-test level: count the test, but spare
                // building its evidence (two quadratic Sen's slopes) for the many that cannot survive.
                guard max(trend.p, oTrend.p) <= DiagnosisEngine.perTestLevel else {
                    context.tally.record(p: max(trend.p, oTrend.p))
                    continue
                }
                var f = finding(
                    "\(kpi.name) (\(kpi.id)) improves while \(outcome.name) (\(outcome.id)), which it is meant to serve, gets worse",
                    subjects: [kpi.id.rawValue, outcome.id.rawValue],
                    evidence: Evidence(
                        facts: trendFacts(kpi.id.rawValue, trend, slope: Trend.sensSlope(series.values))
                            + trendFacts(outcome.id.rawValue, oTrend, slope: Trend.sensSlope(oSeries.values))),
                    fix: Fix(
                        "Pair \(kpi.id) with \(outcome.id) and tie part of any reward on \(kpi.id) to \(outcome.id); ask how \(kpi.id) is being improved."
                    ))
                f.pValue = max(trend.p, oTrend.p)
                out.append(f)
            }
        }
        return out
    }
}

/// DATA-05: an incentive weakened the link between its KPI and the outcome the KPI serves.
public struct IncentiveDecouplingRule: Rule {
    public let metadata = RuleMetadata(
        id: "DATA-05", title: "Incentive decoupled the KPI from its outcome", category: .data, severity: .warning,
        summary:
            "After an incentive starts, its KPI stops moving with the outcome it serves, or jumps while the outcome does not.",
        checks: """
            For each incentive with a start date and each KPI it is tied to, the correlation between the \
            KPI and each of its outcomes before and after the start is compared (Fisher z); and the KPI's \
            level shift across the start is tested (Welch t) against the outcome's.
            """,
        rationale: """
            Surrogation: once people are paid on a measure they manage the measure itself, and it stops \
            telling you about the outcome (Choi, Hecht & Tayler; Campbell's law).
            """,
        remedy:
            "Audit how the KPI is achieved since the incentive began; tie part of the reward to the outcome itself.",
        parameters: [RuleParameter("min_periods", default: 8, "periods needed on each side of the start")])

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        guard let data = context.analysis.data else { return [] }
        let minimum = Int(context.parameter("min_periods"))
        var out: [Finding] = []
        for incentive in context.canvas.incentives {
            guard let since = incentive.since else { continue }
            for kid in incentive.tiedTo {
                guard let kpi = context.index[kid], let sign = goodSign(kpi), let ks = data.aligned[kid] else {
                    continue
                }
                let split = Period(since.description)!.containing(ks.granularity).ordinal
                for outcome in context.analysis.outcomes(of: kpi) {
                    guard let oSign = goodSign(outcome), let os = data.aligned[outcome.id],
                        let pair = ks.overlap(with: os)
                    else { continue }
                    let start = max(ks.firstOrdinal, os.firstOrdinal)
                    let cut = split - start
                    guard cut > 0, cut < pair.x.count else { continue }
                    let before = (Array(pair.x[..<cut]), Array(pair.y[..<cut]))
                    let after = (Array(pair.x[cut...]), Array(pair.y[cut...]))
                    let nb = zip(before.0, before.1).filter { !$0.isNaN && !$1.isNaN }.count
                    let na = zip(after.0, after.1).filter { !$0.isNaN && !$1.isNaN }.count
                    if nb < minimum || na < minimum {
                        out.append(
                            notEnoughData(
                                [incentive.id.rawValue, kid.rawValue, outcome.id.rawValue],
                                what: "the incentive's effect on \(kid) and \(outcome.id)", have: min(nb, na),
                                need: minimum, unit: "periods on each side"))
                        continue
                    }
                    let orient = { (v: [Double], s: Double) in v.map { $0 * s } }
                    let rb = Correlation.pearson(orient(before.0, sign), orient(before.1, oSign))
                    let ra = Correlation.pearson(orient(after.0, sign), orient(after.1, oSign))
                    var facts: [PlainField] = [
                        PlainField("incentive since", .string(since.description)),
                        PlainField("periods before", .number(Double(nb))),
                        PlainField("periods after", .number(Double(na))),
                        PlainField("correlation before", .number(rounded(rb.r))),
                        PlainField("correlation after", .number(rounded(ra.r))),
                    ]
                    var p = 1.0
                    if rb.r.isFinite, ra.r.isFinite, ra.r < rb.r {
                        let z = Correlation.fisherZ(r1: rb.r, n1: rb.n, r2: ra.r, n2: ra.n)
                        p = z.p / 2  // one-sided: weakened
                        facts.append(PlainField("Fisher z", .number(rounded(z.z))))
                    }
                    // The KPI's level jumps the good way while the outcome's does not.
                    let kShift = welch(orient(before.0, sign), orient(after.0, sign))
                    let oShift = welch(orient(before.1, oSign), orient(after.1, oSign))
                    if kShift.t > 0, oShift.t <= 0 {
                        let pShift = kShift.p / 2
                        facts.append(PlainField("KPI level shift t", .number(rounded(kShift.t))))
                        facts.append(PlainField("outcome level shift t", .number(rounded(oShift.t))))
                        p = min(1, 2 * min(p, pShift))  // either signal, Bonferroni for the two
                    }
                    facts.append(PlainField("p", .number(rounded(p, 6))))
                    guard p < 1 else { continue }
                    var f = finding(
                        "Since \(incentive.id) began (\(since)), \(kid) no longer moves with \(outcome.id)",
                        subjects: [incentive.id.rawValue, kid.rawValue, outcome.id.rawValue],
                        evidence: Evidence(facts: facts),
                        fix: Fix(
                            "Check how \(kid) has been achieved since \(since); tie part of \(incentive.id) to \(outcome.id)."
                        ))
                    f.pValue = p
                    out.append(f)
                }
            }
        }
        return out
    }

    /// Welch's t for a shift in mean from `a` to `b` (positive when b is larger).
    func welch(_ a: [Double], _ b: [Double]) -> (t: Double, p: Double) {
        let x = a.filter { !$0.isNaN }, y = b.filter { !$0.isNaN }
        guard x.count > 1, y.count > 1 else { return (0, 1) }
        let vx = pow2(Descriptive.standardDeviation(x)) / Double(x.count)
        let vy = pow2(Descriptive.standardDeviation(y)) / Double(y.count)
        guard vx + vy > 0 else { return (0, 1) }
        let t = (Descriptive.mean(y) - Descriptive.mean(x)) / (vx + vy).squareRoot()
        let df = pow2(vx + vy) / (pow2(vx) / Double(x.count - 1) + pow2(vy) / Double(y.count - 1))
        return (t, Distributions.studentTTwoSided(t, df: df))
    }

    private func pow2(_ x: Double) -> Double { x * x }
}

/// DATA-07: a claimed leading indicator does not lead.
public struct UnsupportedDriverRule: Rule {
    public let metadata = RuleMetadata(
        id: "DATA-07", title: "Leading indicator that does not lead", category: .data, severity: .warning,
        summary: "A drives link has no support in the data: no significant prewhitened correlation at positive lags.",
        checks: """
            For each drives link between two KPIs with enough shared history, both series are \
            prewhitened (AR(1)) and oriented by their good directions; the cross-correlation at lags 1 \
            to 4 and, where the series are long enough, a Granger F test look for the claimed lead. \
            Links whose best evidence does not survive false-discovery control are reported.
            """,
        rationale: """
            Strategy maps rest on cause-and-effect claims; an unchecked "leading indicator" may lead \
            nowhere, and managing it then moves nothing (Kaplan & Norton; Granger). Prewhitening keeps two \
            merely trending series from looking related.
            """,
        remedy:
            "Test the link on more history, or replace the leading indicator with one that does precede the outcome.",
        parameters: [
            RuleParameter("min_periods", default: 30, "shared periods needed"),
            RuleParameter("max_lag", default: 4, "longest lead tested, in periods"),
        ])

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        guard let data = context.analysis.data else { return [] }
        let minimum = Int(context.parameter("min_periods")), maxLag = max(1, Int(context.parameter("max_lag")))
        var tested: [(kpi: KPI, target: KPI, p: Double, facts: [PlainField])] = []
        var out: [Finding] = []
        for kpi in context.analysis.currentKPIs {
            for tid in kpi.drives {
                guard let target = context.index[tid], target.status == .current,
                    let xs = data.aligned[kpi.id], let ys = data.aligned[tid]
                else { continue }
                guard let pair = xs.overlap(with: ys) else { continue }
                let n = zip(pair.x, pair.y).filter { !$0.isNaN && !$1.isNaN }.count
                if n < minimum {
                    out.append(
                        notEnoughData(
                            [kpi.id.rawValue, tid.rawValue], what: "whether \(kpi.id) leads \(tid)", have: n,
                            need: minimum, unit: "shared periods"))
                    continue
                }
                let sx = goodSign(kpi) ?? 1, sy = goodSign(target) ?? 1
                let x = Correlation.prewhiten(pair.x.map { $0 * sx }), y = Correlation.prewhiten(pair.y.map { $0 * sy })
                var best = (lag: 0, r: 0.0, p: 1.0)
                for lag in 1...maxLag {
                    let c = Correlation.lagged(x, y, lag: lag)
                    guard c.r.isFinite, c.r > 0 else { continue }
                    let oneSided = c.p / 2
                    if oneSided < best.p { best = (lag, c.r, oneSided) }
                }
                var p = min(1, best.p * Double(maxLag))
                var facts: [PlainField] = [
                    PlainField("shared periods", .number(Double(n))),
                    PlainField("best lag", .number(Double(best.lag))),
                    PlainField("prewhitened correlation at best lag", .number(rounded(best.r))),
                ]
                if n >= 3 * maxLag + 10, let g = Granger.test(cause: pair.x, effect: pair.y, lags: min(maxLag, 2)) {
                    facts.append(PlainField("Granger F", .number(rounded(g.f))))
                    facts.append(PlainField("Granger p", .number(rounded(g.p, 6))))
                    p = min(1, 2 * min(p, g.p))
                }
                facts.append(PlainField("p of the best evidence", .number(rounded(p, 6))))
                tested.append((kpi, target, p, facts))
            }
        }
        // A link is supported when its evidence survives false-discovery control among the links.
        let adjusted = FalseDiscovery.adjusted(tested.map(\.p))
        for (i, t) in tested.enumerated() where adjusted[i] > DiagnosisEngine.falseDiscoveryRate {
            out.append(
                finding(
                    "The data do not show \(t.kpi.name) (\(t.kpi.id)) leading \(t.target.name) (\(t.target.id)) as the canvas claims",
                    subjects: [t.kpi.id.rawValue, t.target.id.rawValue],
                    evidence: Evidence(
                        facts: t.facts + [
                            PlainField("p adjusted across \(tested.count) links", .number(rounded(adjusted[i], 6)))
                        ]),
                    fix: Fix(
                        "Treat '\(t.kpi.id) drives \(t.target.id)' as a hypothesis: test it on more history or find an indicator that does lead \(t.target.id)."
                    )))
        }
        return out
    }
}

/// DATA-11: two KPIs of one objective secretly trade off against each other.
public struct HiddenTradeOffRule: Rule {
    public let metadata = RuleMetadata(
        id: "DATA-11", title: "Hidden trade-off", category: .data, severity: .warning,
        summary: "Two KPIs serving the same objective move against each other once their own persistence is removed.",
        checks: """
            For every pair of current KPIs serving the same objective, each series is oriented by its \
            good direction and prewhitened (AR(1)); a significantly negative correlation of what remains \
            means gains on one come at the other's expense. Every pair is scanned, and false discoveries \
            are controlled across the run.
            """,
        rationale: """
            Multi-task incentive theory: when one measured task can be bought with another, effort flows \
            to whichever is rewarded (Holmström & Milgrom). Measures of one objective should move together.
            """,
        remedy:
            "Make the trade-off explicit: pair the two KPIs in one review and reward their combination, not either alone.",
        parameters: [RuleParameter("min_periods", default: 24, "shared periods needed")])

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        guard let data = context.analysis.data else { return [] }
        let minimum = Int(context.parameter("min_periods"))
        var out: [Finding] = []
        var seenPairs: Set<Int> = []
        // Every KPI taking part gets a number; the pair loop then works on numbers and spans only,
        // never copying a KPI or a series (100,000 pairs in a large organisation).
        var number: [KPIID: Int] = [:]
        var members: [PairMember] = []
        // Each series is oriented, prewhitened and standardised once; pairs on the same gap-free
        // span (the usual case) then cost one dot product. Pairs on different spans prewhiten
        // their overlap.
        var prepared: [[Double]??] = []
        func standardised(_ m: Int) -> [Double]? {
            if let known = prepared[m] { return known }
            let sign = members[m].sign
            let w = Correlation.prewhiten(members[m].series.values.map { $0 * sign })
            let z = Correlation.standardised(w)
            prepared[m] = .some(z)
            return z
        }
        var thresholds: [Int: Double] = [:]
        for objective in context.canvas.objectives {
            var numbers: [Int] = []
            for kpi in context.analysis.servingKPIs[objective.id] ?? [] {
                if let n = number[kpi.id] {
                    numbers.append(n)
                    continue
                }
                guard let sign = goodSign(kpi), let series = data.aligned[kpi.id] else { continue }
                number[kpi.id] = members.count
                numbers.append(members.count)
                members.append(PairMember(kpi: kpi, series: series, sign: sign))
                prepared.append(nil)
            }
            guard numbers.count > 1 else { continue }
            for i in 0..<(numbers.count - 1) {
                for j in (i + 1)..<numbers.count {
                    let ma = numbers[i], mb = numbers[j]
                    let key = min(ma, mb) << 32 | max(ma, mb)
                    guard seenPairs.insert(key).inserted else { continue }
                    let c: Correlation.Result
                    if members[ma].sharesGapFreeSpan(with: members[mb], minimum: minimum) {
                        guard let x = standardised(ma), let y = standardised(mb) else { continue }
                        let r = Correlation.dot(x, y)
                        guard r < 0 else { continue }
                        // Most pairs are far from significant: count them without a p-value.
                        let n = x.count
                        let threshold =
                            thresholds[n]
                            ?? {
                                let t = Correlation.threshold(oneSidedP: DiagnosisEngine.falseDiscoveryRate, n: n)
                                thresholds[n] = t
                                return t
                            }()
                        guard r <= -threshold else {
                            context.tally.recordAboveRate()
                            continue
                        }
                        c = Correlation.Result(r: r, p: Correlation.pValue(r, n: n), n: n)
                    } else {
                        let a = members[ma], b = members[mb]
                        guard let pair = a.series.overlap(with: b.series) else { continue }
                        let n = zip(pair.x, pair.y).filter { !$0.isNaN && !$1.isNaN }.count
                        if n < minimum {
                            out.append(
                                notEnoughData(
                                    [a.kpi.id.rawValue, b.kpi.id.rawValue],
                                    what: "whether \(a.kpi.id) and \(b.kpi.id) trade off",
                                    have: n, need: minimum, unit: "shared periods"))
                            continue
                        }
                        c = Correlation.pearson(
                            Correlation.prewhiten(pair.x.map { $0 * a.sign }),
                            Correlation.prewhiten(pair.y.map { $0 * b.sign }))
                        guard c.r.isFinite, c.r < 0 else { continue }
                    }
                    guard c.p / 2 <= DiagnosisEngine.perTestLevel else {
                        context.tally.record(p: c.p / 2)
                        continue
                    }
                    let a = members[ma].kpi, b = members[mb].kpi
                    var f = finding(
                        "\(a.name) (\(a.id)) and \(b.name) (\(b.id)) both serve '\(objective.id)' but move against each other",
                        subjects: [a.id.rawValue, b.id.rawValue, objective.id.rawValue],
                        evidence: Evidence(facts: [
                            PlainField("shared periods", .number(Double(c.n))),
                            PlainField("prewhitened correlation", .number(rounded(c.r))),
                            PlainField("p (one-sided)", .number(rounded(c.p / 2, 6))),
                        ]),
                        fix: Fix(
                            "Review \(a.id) and \(b.id) together and reward their combination, so one is not bought with the other."
                        ))
                    f.pValue = c.p / 2
                    out.append(f)
                }
            }
        }
        return out
    }
}

/// A KPI taking part in DATA-11's pairs, with its aligned series and good direction.
private struct PairMember {
    var kpi: KPI
    var series: AlignedSeries
    /// +1 when more is better, −1 when less is.
    var sign: Double
    var gapFree: Bool

    init(kpi: KPI, series: AlignedSeries, sign: Double) {
        self.kpi = kpi
        self.series = series
        self.sign = sign
        self.gapFree = series.observed == series.values.count
    }

    /// Whether both series are gap-free on the very same periods, long enough to test.
    func sharesGapFreeSpan(with other: PairMember, minimum: Int) -> Bool {
        gapFree && other.gapFree && series.granularity == other.series.granularity
            && series.firstOrdinal == other.series.firstOrdinal && series.values.count == other.series.values.count
            && series.values.count >= minimum
    }
}
