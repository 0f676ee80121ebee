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

/// COV-02: a part of the business model nobody measures.
public struct UnmeasuredBlockRule: Rule {
    public let metadata = RuleMetadata(
        id: "COV-02", title: "Unmeasured business-model element", category: .coverage, severity: .info,
        summary: "A business-model element has no current KPI.",
        checks:
            "Each of the nine business-model elements is measured by at least one current KPI (kpi-misalignment canvases).",
        rationale: "An element with no measure is managed by anecdote; gaps in the map are where surprises come from.",
        remedy: "Add a KPI for the element, or state why it does not matter here.",
        onlyFor: .kpiMisalignment)

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let measured = Set(context.analysis.currentKPIs.flatMap(\.blocks))
        return BusinessModelBlock.allCases.filter { !measured.contains($0) }.map { block in
            let typical = context.knowledge.kpis.filter { $0.block == block && $0.level.isResult }.prefix(3)
            return finding(
                "No current KPI measures \(block.title.lowercased())", subjects: [block.rawValue],
                evidence: Evidence(facts: [PlainField("current KPIs in this element", 0)]),
                fix: Fix(
                    typical.isEmpty
                        ? "Add a KPI for \(block.title.lowercased())."
                        : "Typical KPIs here: \(typical.map(\.name).joined(separator: ", ")).",
                    knowledgeKPIs: typical.map(\.id)))
        }
    }
}

/// COV-03: measurement piled onto one element, or too many measures altogether.
public struct MeasurementConcentrationRule: Rule {
    public let metadata = RuleMetadata(
        id: "COV-03", title: "Measurement concentrated or sprawling", category: .coverage, severity: .warning,
        summary:
            "One element holds more than max_share of current KPIs, or the canvas has more than max_kpis current KPIs.",
        checks: "The share of current KPIs measuring each business-model element, and the number of current KPIs.",
        rationale:
            "What is measured most gets managed most; and past a few dozen measures, none of them steers anything (Muller, The Tyranny of Metrics).",
        remedy: "Retire or merge the weakest measures in the crowded element, or overall.",
        parameters: [
            RuleParameter("max_share", default: 0.4, "largest share of current KPIs one element may hold"),
            RuleParameter("max_kpis", default: 40, "most current KPIs a canvas should carry"),
        ])

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let kpis = context.analysis.currentKPIs
        guard !kpis.isEmpty else { return [] }
        let maxShare = context.parameter("max_share"), maxKPIs = Int(context.parameter("max_kpis"))
        var out: [Finding] = []
        for block in BusinessModelBlock.allCases {
            let count = kpis.filter { $0.blocks.contains(block) }.count
            let share = Double(count) / Double(kpis.count)
            if share > maxShare {
                out.append(
                    finding(
                        "\(count) of \(kpis.count) current KPIs measure \(block.title.lowercased())",
                        subjects: [block.rawValue],
                        evidence: Evidence(facts: [
                            PlainField("KPIs in this element", .number(Double(count))),
                            PlainField("share", .number(rounded(share))), PlainField("max share", .number(maxShare)),
                        ]),
                        fix: Fix("Retire or merge the weakest of the \(block.title.lowercased()) KPIs.")))
            }
        }
        if kpis.count > maxKPIs {
            out.append(
                finding(
                    "The canvas carries \(kpis.count) current KPIs (more than \(maxKPIs))",
                    subjects: [context.analysis.canvasID],
                    evidence: Evidence(facts: [
                        PlainField("current KPIs", .number(Double(kpis.count))),
                        PlainField("max", .number(Double(maxKPIs))),
                    ]),
                    fix: Fix("Retire the KPIs that serve no objective and merge near-duplicates.")))
        }
        return out
    }
}
