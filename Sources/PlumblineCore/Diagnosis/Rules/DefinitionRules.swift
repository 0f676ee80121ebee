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
