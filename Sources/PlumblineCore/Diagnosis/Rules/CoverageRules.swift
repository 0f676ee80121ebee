/// COV-01: an objective nothing measures cannot be managed.
public struct UnservedObjectiveRule: Rule {
    public let metadata = RuleMetadata(
        id: "COV-01", title: "Objective without a measure", category: .coverage, severity: .error,
        summary: "An objective is served by no current KPI.",
        checks: "Every objective needs at least one current KPI whose serves list names it.",
        rationale: """
            What is not measured drifts: attention and incentives follow the numbers people see, so an \
            objective with no measure loses every trade-off against one that has them (Kaplan & Norton's \
            strategy maps make each objective carry a measure for this reason).
            """,
        remedy: "Add an outcome KPI that shows whether the objective is achieved, or link an existing one with serves.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        return a.canvas.objectives.compactMap { objective in
            guard (a.servingKPIs[objective.id] ?? []).isEmpty else { return nil }
            let theme = context.knowledge.theme(for: objective.statement)
            let suggested = theme?.outcomeKPIs ?? []
            let names = suggested.compactMap { context.knowledge[$0]?.name }
            let proposed = a.canvas.kpis.filter { $0.status == .proposed && $0.serves.contains(objective.id) }
            var facts: [PlainField] = [PlainField("current KPIs serving it", 0)]
            if !proposed.isEmpty { facts.append(PlainField("proposed KPIs serving it", .strings(proposed.map(\.id)))) }
            if let theme { facts.append(PlainField("objective theme", .string(theme.name))) }
            return finding(
                "Objective '\(objective.id)' (\(objective.statement)) is measured by no current KPI",
                subjects: [objective.id.rawValue], evidence: Evidence(facts: facts),
                fix: Fix(
                    names.isEmpty
                        ? "Add an outcome KPI that shows whether '\(objective.statement)' is achieved and list \(objective.id) in its serves."
                        : "Measure it with \(names.joined(separator: " or ")) (outcome KPIs for \(theme!.name.lowercased())), serving \(objective.id).",
                    knowledgeKPIs: suggested))
        }
    }
}
