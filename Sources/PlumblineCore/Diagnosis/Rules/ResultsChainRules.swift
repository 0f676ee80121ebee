/// MAP-01: a measure connected to nothing the organisation wants.
public struct OrphanKPIRule: Rule {
    public let metadata = RuleMetadata(
        id: "MAP-01", title: "Orphan or vanity measure", category: .mapping, severity: .warning,
        summary: "A current KPI serves no objective and drives no KPI that does.",
        checks:
            "Every current KPI must serve an objective, or lead (through drives, at any depth) to a KPI that serves one.",
        rationale: """
            A measure linked to no objective still takes attention and often a bonus; with nothing to \
            serve, it becomes a goal of its own (Kaplan & Norton: every measure should sit on the \
            strategy map's chain of cause and effect).
            """,
        remedy: "Say which objective it serves, or which KPI it leads, or retire it.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        // KPIs linked to an objective, directly or by driving one that is (any depth).
        var linked = Set(a.currentKPIs.filter { !$0.serves.isEmpty }.map(\.id))
        var queue = Array(linked)
        while let next = queue.popLast() {
            for driver in a.drivers[next] ?? [] where linked.insert(driver).inserted { queue.append(driver) }
        }
        return a.currentKPIs.filter { !linked.contains($0.id) }.map { kpi in
            finding(
                "\(kpi.name) (\(kpi.id)) serves no objective and leads no KPI that does",
                subjects: [kpi.id.rawValue],
                evidence: Evidence(facts: [
                    PlainField("serves", .strings(kpi.serves)), PlainField("drives", .strings(kpi.drives)),
                    PlainField("incentives tied to it", .number(Double(a.incentivesByKPI[kpi.id]?.count ?? 0))),
                ]),
                fix: Fix("Link \(kpi.id) with serves or drives to what it is meant to move, or set status: retired."))
        }
    }
}

/// CHAIN-01: an objective measured only by effort, never by result.
public struct NoOutcomeMeasureRule: Rule {
    public let metadata = RuleMetadata(
        id: "CHAIN-01", title: "Objective without an outcome measure", category: .resultsChain, severity: .error,
        summary: "Every current KPI serving an objective is an input, activity or output measure.",
        checks: "Among the current KPIs serving each objective, at least one must have level outcome or impact.",
        rationale: """
            Counting effort says nothing about results: a team can be busier every month while the \
            objective slips. The logic-model results chain separates what is done from what changes \
            because of it.
            """,
        remedy: "Add an outcome KPI that shows whether the objective is being achieved.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        return a.canvas.objectives.compactMap { objective in
            let kpis = a.servingKPIs[objective.id] ?? []
            guard !kpis.isEmpty, kpis.allSatisfy({ $0.level != nil && !$0.level!.isResult }) else { return nil }
            let theme = context.knowledge.theme(for: objective.statement)
            let names = (theme?.outcomeKPIs ?? []).compactMap { context.knowledge[$0]?.name }
            return finding(
                "Objective '\(objective.id)' is measured only by effort: \(kpis.map(\.id.rawValue).joined(separator: ", "))",
                subjects: [objective.id.rawValue] + kpis.map(\.id.rawValue),
                evidence: Evidence(facts: [
                    PlainField("KPIs serving it", .strings(kpis.map(\.id))),
                    PlainField("their levels", .strings(kpis.map { $0.level?.rawValue ?? "?" })),
                ]),
                fix: Fix(
                    names.isEmpty
                        ? "Add an outcome KPI that shows whether '\(objective.statement)' is achieved."
                        : "Add an outcome KPI such as \(names.joined(separator: " or ")) serving \(objective.id).",
                    knowledgeKPIs: theme?.outcomeKPIs ?? []))
        }
    }
}

/// CHAIN-03: paying for effort while hoping for results.
public struct EffortOnlyIncentiveRule: Rule {
    public let metadata = RuleMetadata(
        id: "CHAIN-03", title: "Incentive tied only to effort", category: .resultsChain, severity: .error,
        summary: "An incentive is tied only to input, activity or output KPIs.",
        checks:
            "Each incentive must depend on at least one outcome or impact KPI (or a KPI whose level is not stated).",
        rationale: """
            Kerr's "folly of rewarding A while hoping for B": people deliver what is paid for. Pay only \
            for calls, tickets or units, and calls, tickets and units are what you get.
            """,
        remedy: "Tie part of the incentive to an outcome KPI the activity is meant to move.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        return a.canvas.incentives.compactMap { incentive in
            let kpis = incentive.tiedTo.compactMap { a.index[$0] }
            guard !kpis.isEmpty, kpis.allSatisfy({ $0.level != nil && !$0.level!.isResult }) else { return nil }
            let outcomes = Array(
                Set(kpis.flatMap { a.outcomes(of: $0) }.filter { $0.level?.isResult == true }.map(\.id))
            ).sorted()
            let target = outcomes.first.map { "such as \($0)" } ?? "that the activity is meant to move"
            return finding(
                "\(incentive.id) pays \(a.name(incentive.recipient)) only for effort: \(kpis.map { "\($0.id) (\($0.level!.rawValue))" }.joined(separator: ", "))",
                subjects: [incentive.id.rawValue, incentive.recipient.rawValue] + kpis.map(\.id.rawValue),
                evidence: Evidence(facts: [
                    PlainField("tied to", .strings(kpis.map(\.id))),
                    PlainField("levels", .strings(kpis.map { $0.level!.rawValue })),
                    PlainField("weight", incentive.weight.map(PlainValue.number) ?? .null),
                ]),
                fix: Fix("Tie part of \(incentive.id) to an outcome KPI \(target)."))
        }
    }
}
