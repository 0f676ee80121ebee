/// LOOP-01: a number with a target that reaches nobody who acts.
public struct OpenLoopRule: Rule {
    public let metadata = RuleMetadata(
        id: "LOOP-01", title: "Open feedback loop", category: .feedback, severity: .warning,
        summary: "A current KPI with a target is carried by no feedback loop with someone who acts on it.",
        checks: "Each current KPI with a target appears in a feedback loop whose acted_on_by is not empty.",
        rationale:
            "Measurement without a response is reporting theatre: the loop closes only when someone changes course.",
        remedy: "Add a loop that carries the KPI to its accountable participant, naming who acts.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        return a.currentKPIs.compactMap { kpi in
            guard kpi.target != nil else { return nil }
            let loops = a.loopsByKPI[kpi.id] ?? []
            guard !loops.contains(where: { !$0.actedOnBy.isEmpty }) else { return nil }
            let owner = kpi.accountable.first?.rawValue ?? "its accountable participant"
            return finding(
                loops.isEmpty
                    ? "\(kpi.name) (\(kpi.id)) has a target but no feedback loop carries it"
                    : "\(kpi.name) (\(kpi.id)) is reported through \(loops.map(\.id.rawValue).joined(separator: ", ")) but nobody acts on it",
                subjects: [kpi.id.rawValue] + loops.map(\.id.rawValue),
                evidence: Evidence(facts: [
                    PlainField("loops carrying it", .strings(loops.map(\.id))),
                    PlainField("participants acting", .list([])),
                ]),
                fix: Fix(
                    "Add \(owner) to acted_on_by of a loop carrying \(kpi.id), with a cadence no slower than its frequency."
                ))
        }
    }
}
