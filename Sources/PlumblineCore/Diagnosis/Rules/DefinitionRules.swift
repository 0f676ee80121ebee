/// SMART-01: a KPI defined too loosely to be managed.
public struct IncompleteDefinitionRule: Rule {
    public let metadata = RuleMetadata(
        id: "SMART-01", title: "Incomplete KPI definition", category: .definition, severity: .info,
        summary: "A current KPI lacks a formula, unit, direction, target, frequency or source.",
        checks:
            "Lists, for each current KPI, which of formula, unit, direction, target, frequency and source are missing.",
        rationale: "A measure people cannot compute the same way twice gets argued about instead of acted on.",
        remedy:
            "Complete the definition: how it is computed, in what unit, which way is better, the target, how often, from where."
    )

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        context.analysis.currentKPIs.compactMap { kpi in
            var missing: [String] = []
            if kpi.formula == nil { missing.append("formula") }
            if kpi.unit == nil { missing.append("unit") }
            if kpi.direction == nil { missing.append("direction") }
            if kpi.target == nil { missing.append("target") }
            if kpi.frequency == nil { missing.append("frequency") }
            if kpi.source == nil { missing.append("source") }
            guard !missing.isEmpty else { return nil }
            let known = context.analysis.matches[kpi.id]?.entry
            var fix = "Add \(missing.joined(separator: ", ")) to \(kpi.id)."
            if let known, missing.contains("formula") { fix += " A usual formula: \(known.formula)." }
            return finding(
                "\(kpi.name) (\(kpi.id)) lacks \(missing.joined(separator: ", "))", subjects: [kpi.id.rawValue],
                evidence: Evidence(facts: [PlainField("missing", .strings(missing))]), fix: Fix(fix))
        }
    }
}

/// BSC-01: a scorecard leaning on one side.
public struct ScorecardBalanceRule: Rule {
    public let metadata = RuleMetadata(
        id: "BSC-01", title: "Unbalanced scorecard", category: .balance, severity: .info,
        summary:
            "A balanced-scorecard perspective has no current KPI, or more than 70 % of KPIs with a perspective are financial.",
        checks: "Counts current KPIs per perspective (financial, customer, process, learning).",
        rationale:
            "Kaplan & Norton: financial results report the past; customer, process and learning measures are where the future shows first.",
        remedy: "Add measures for the missing perspectives.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let kpis = context.analysis.currentKPIs.filter { $0.perspective != nil }
        guard !kpis.isEmpty else { return [] }
        var out: [Finding] = []
        for p in Perspective.allCases where !kpis.contains(where: { $0.perspective == p }) {
            out.append(
                finding(
                    "No current KPI takes the \(p.rawValue) perspective", subjects: [p.rawValue],
                    evidence: Evidence(facts: [PlainField("KPIs with a perspective", .number(Double(kpis.count)))]),
                    fix: Fix(
                        "Add a \(p.rawValue) measure.",
                        knowledgeKPIs: context.knowledge.kpis.filter { $0.perspective == p && $0.level.isResult }
                            .prefix(3).map(\.id))))
        }
        let financial = Double(kpis.filter { $0.perspective == .financial }.count) / Double(kpis.count)
        if financial > 0.7 {
            out.append(
                finding(
                    "\(Int((financial * 100).rounded())) % of KPIs are financial",
                    subjects: [context.analysis.canvasID],
                    evidence: Evidence(facts: [PlainField("financial share", .number(rounded(financial)))]),
                    fix: Fix("Balance with customer, process and learning measures.")))
        }
        return out
    }
}
