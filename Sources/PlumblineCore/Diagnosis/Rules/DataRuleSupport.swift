/// Shared pieces of the data rules: orientation by a KPI's good direction, minimum-data
/// refusals, and test statistics as evidence.
extension Rule {
    /// +1 when higher is better, −1 when lower is better, nil for ranges and undeclared directions.
    func goodSign(_ kpi: KPI) -> Double? {
        switch kpi.direction {
        case .increase: 1
        case .decrease: -1
        default: nil
        }
    }

    /// The numeric target of an increase/decrease KPI.
    func pointTarget(_ kpi: KPI) -> Double? {
        if case .value(let t) = kpi.target, kpi.direction == .increase || kpi.direction == .decrease { return t }
        return nil
    }

    /// Whether a value meets the KPI's target.
    func meets(_ value: Double, _ kpi: KPI, target: Double) -> Bool {
        kpi.direction == .decrease ? value <= target : value >= target
    }

    /// The info finding of a data rule that will not judge on too little data.
    func notEnoughData(_ subjects: [String], what: String, have: Int, need: Int, unit: String) -> Finding {
        var note = finding(
            "Not enough data to test \(what): \(have) \(unit), \(need) needed",
            subjects: subjects,
            evidence: Evidence(facts: [
                PlainField("\(unit) available", .number(Double(have))),
                PlainField("\(unit) needed", .number(Double(need))),
            ]),
            fix: Fix(
                "Load more history for \(subjects.joined(separator: " and ")) (plumb check --data FILE) so this can be tested."
            ),
            severity: .info)
        note.isNotEnoughData = true
        return note
    }

    /// Mann–Kendall evidence, labelled by KPI.
    func trendFacts(_ label: String, _ t: Trend.MannKendall, slope: Double? = nil) -> [PlainField] {
        var facts = [
            PlainField("\(label) periods", .number(Double(t.n))), PlainField("\(label) Mann–Kendall S", .number(t.s)),
            PlainField("\(label) z", .number(rounded(t.z))), PlainField("\(label) p", .number(rounded(t.p, 6))),
            PlainField("\(label) Kendall tau", .number(rounded(t.tau))),
        ]
        if let slope { facts.append(PlainField("\(label) Sen's slope per period", .number(rounded(slope, 6)))) }
        return facts
    }

    func rounded(_ x: Double, _ digits: Int = 4) -> Double {
        guard x.isFinite else { return x }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (x * scale).rounded() / scale
    }
}

extension CanvasAnalysis {
    /// The outcome KPIs a KPI is meant to move: the KPIs it drives, and the outcome-level current
    /// KPIs (or declared `outcome` KPIs) of the objectives it serves — never itself.
    public func outcomes(of kpi: KPI) -> [KPI] {
        var ids: [KPIID] = kpi.drives
        for o in kpi.serves {
            if let objective = index[o] { ids += objective.outcome }
            ids += (servingKPIs[o] ?? []).filter { $0.level?.isResult == true }.map(\.id)
        }
        var seen: Set<KPIID> = [kpi.id]
        return ids.filter { seen.insert($0).inserted }.compactMap { index[$0] }.filter { $0.status == .current }
    }
}
