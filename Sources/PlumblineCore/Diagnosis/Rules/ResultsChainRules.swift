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

/// CHAIN-02: results measured, but nothing that warns in advance.
public struct NoLeadingIndicatorRule: Rule {
    public let metadata = RuleMetadata(
        id: "CHAIN-02", title: "No leading indicator", category: .resultsChain, severity: .info,
        summary: "An objective has outcome KPIs but no KPI that drives one of them.",
        checks: "For objectives served by outcome or impact KPIs, some KPI declares it drives one of them.",
        rationale:
            "Outcomes arrive late; without a leading indicator a team learns it missed only when it is too late to act (Kaplan & Norton: lag and lead measures).",
        remedy: "Add a leading KPI and declare which outcome it drives.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        return a.canvas.objectives.compactMap { objective in
            let outcomes = (a.servingKPIs[objective.id] ?? []).filter { $0.level?.isResult == true }
            guard !outcomes.isEmpty, outcomes.allSatisfy({ (a.drivers[$0.id] ?? []).isEmpty }) else { return nil }
            let theme = context.knowledge.theme(for: objective.statement)
            let names = (theme?.leadingKPIs ?? []).compactMap { context.knowledge[$0]?.name }
            return finding(
                "Objective '\(objective.id)' has outcome KPIs but nothing that leads them",
                subjects: [objective.id.rawValue] + outcomes.map(\.id.rawValue),
                evidence: Evidence(facts: [
                    PlainField("outcome KPIs", .strings(outcomes.map(\.id))),
                    PlainField("KPIs driving them", .list([])),
                ]),
                fix: Fix(
                    names.isEmpty
                        ? "Add a leading KPI that drives \(outcomes[0].id)."
                        : "Add a leading KPI such as \(names.joined(separator: " or ")) that drives \(outcomes[0].id).",
                    knowledgeKPIs: theme?.leadingKPIs ?? []))
        }
    }
}

/// HOR-01: a long game measured only in the short run.
public struct ShortHorizonRule: Rule {
    public let metadata = RuleMetadata(
        id: "HOR-01", title: "Short-term measures for long-term goals", category: .horizon, severity: .warning,
        summary:
            "A long-horizon objective is served only by short-horizon KPIs, or every incentive is tied only to short-horizon KPIs.",
        checks:
            "Objectives with horizon long need a current medium- or long-horizon KPI; incentives together need one non-short KPI.",
        rationale:
            "When every number pays off within the quarter, long-term value is what gets traded away (the balanced scorecard's case for balancing horizons).",
        remedy: "Add a long-horizon measure, and tie part of the incentives to it.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        var out: [Finding] = []
        for objective in a.canvas.objectives where objective.horizon == .long {
            let kpis = (a.servingKPIs[objective.id] ?? []).filter { $0.horizon != nil }
            guard !kpis.isEmpty, kpis.allSatisfy({ $0.horizon == .short }) else { continue }
            out.append(
                finding(
                    "Long-horizon objective '\(objective.id)' is measured only over the short run",
                    subjects: [objective.id.rawValue] + kpis.map(\.id.rawValue),
                    evidence: Evidence(facts: [
                        PlainField("objective horizon", "long"),
                        PlainField("KPI horizons", .strings(kpis.map { $0.horizon!.rawValue })),
                    ]),
                    fix: Fix("Add a medium- or long-horizon KPI serving \(objective.id).")))
        }
        let incentives = a.canvas.incentives
        let horizons = incentives.flatMap { $0.tiedTo.compactMap { a.index[$0]?.horizon } }
        if !incentives.isEmpty, !horizons.isEmpty, horizons.allSatisfy({ $0 == .short }) {
            out.append(
                finding(
                    "Every incentive is tied only to short-horizon KPIs", subjects: incentives.map(\.id.rawValue),
                    evidence: Evidence(facts: [PlainField("incentives", .number(Double(incentives.count)))]),
                    fix: Fix("Tie part of at least one incentive to a long-horizon KPI.")))
        }
        return out
    }
}
