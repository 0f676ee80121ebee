/// ESC-01: a target with nowhere to go when it is missed.
public struct MissingEscalationRule: Rule {
    public let metadata = RuleMetadata(
        id: "ESC-01", title: "No escalation path", category: .escalation, severity: .warning,
        summary:
            "A KPI with a target has no escalation: its owner escalates nowhere and no escalation mechanism covers it.",
        checks: """
            For current KPIs with a target: the accountable participant has escalates_to, or an \
            escalation or corrective-action mechanism covers the KPI.
            """,
        rationale:
            "When a target is missed and the owner cannot fix it alone, the problem must travel somewhere; otherwise it waits.",
        remedy: "Add an escalation path with a trigger and a time limit, or give the owner an escalates_to.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        return a.currentKPIs.compactMap { kpi in
            guard kpi.target != nil else { return nil }
            let ownerEscalates = kpi.accountable.contains { a.index[$0]?.escalatesTo != nil }
            let mechanism = (a.mechanismsByKPI[kpi.id] ?? []).contains {
                $0.kind == .escalation || $0.kind == .correctiveAction
            }
            guard !ownerEscalates, !mechanism else { return nil }
            return finding(
                "When \(kpi.name) (\(kpi.id)) misses its target, there is nowhere to escalate",
                subjects: [kpi.id.rawValue] + kpi.accountable.map(\.rawValue),
                evidence: Evidence(facts: [
                    PlainField("accountable", .strings(kpi.accountable)), PlainField("owner escalates to", .null),
                    PlainField("escalation mechanisms covering it", .number(0)),
                ]),
                fix: Fix(
                    "Add an escalation mechanism covering \(kpi.id) with a trigger and a within time limit, or set escalates_to on its owner."
                ))
        }
    }
}
