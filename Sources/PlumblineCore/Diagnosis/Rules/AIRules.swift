/// AI-01: an AI that produces activity, connected to no result.
public struct AIActivityMeasureRule: Rule {
    public let metadata = RuleMetadata(
        id: "AI-01", title: "AI producing activity, not results", category: .ai, severity: .warning,
        summary: "An AI-produced KPI is an activity or output measure with no outcome KPI it drives or pairs with.",
        checks:
            "KPIs with an ai.role other than none, level activity or output, and no outcome or impact KPI among their drives or pairs_with.",
        rationale:
            "AI makes activity cheap: dashboards fill with faster counts while decisions stay as they were. The NIST AI RMF asks for AI to be judged by its effect.",
        remedy: "Name the business outcome the AI should move, and link it with drives.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        return a.currentKPIs.compactMap { kpi in
            guard let role = kpi.ai?.role, role != .none, let level = kpi.level, level == .activity || level == .output
            else { return nil }
            let linked = (kpi.drives + kpi.pairsWith).compactMap { a.index[$0] }
            guard !linked.contains(where: { $0.level?.isResult == true }) else { return nil }
            return finding(
                "\(kpi.name) (\(kpi.id)) is an AI-\(role.rawValue) \(level.rawValue) measure tied to no outcome",
                subjects: [kpi.id.rawValue] + (kpi.ai?.system.map { [$0.rawValue] } ?? []),
                evidence: Evidence(facts: [
                    PlainField("AI role", .string(role.rawValue)), PlainField("level", .string(level.rawValue)),
                    PlainField("drives or pairs with", .strings(kpi.drives + kpi.pairsWith)),
                ]),
                fix: Fix(
                    "Link \(kpi.id) with drives to the outcome KPI it should move, and judge the AI by that outcome."))
        }
    }
}

/// AI-02: model quality measured for its own sake.
public struct ModelQualityWithoutBusinessRule: Rule {
    public let metadata = RuleMetadata(
        id: "AI-02", title: "Model quality without business effect", category: .ai, severity: .warning,
        summary: "A model-quality KPI (accuracy, AUC, …) drives or pairs with no business KPI.",
        checks:
            "KPIs the knowledge base recognises as model-quality metrics need a drives or pairs_with link to a KPI that is not itself a model metric.",
        rationale:
            "A more accurate model is worth something only if the decisions it feeds improve; model metrics are means (NIST AI RMF, measure function).",
        remedy: "Pair the model metric with the business KPI it should move, such as decision uplift.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        return a.currentKPIs.compactMap { kpi in
            guard let match = a.matches[kpi.id], match.entry.modelQuality else { return nil }
            let linked = (kpi.drives + kpi.pairsWith).compactMap { a.index[$0] }
            guard !linked.contains(where: { a.matches[$0.id]?.entry.modelQuality != true }) else { return nil }
            let counters = context.knowledge.counters(of: match.entry.id).map(\.b)
            let names = counters.compactMap { context.knowledge[$0]?.name }
            return finding(
                "\(kpi.name) (\(kpi.id)) measures the model, not what it changes",
                subjects: [kpi.id.rawValue],
                evidence: Evidence(facts: [
                    PlainField("knowledge-base match", .string("\(match.entry.name): \(match.explanation)")),
                    PlainField("drives or pairs with", .strings(kpi.drives + kpi.pairsWith)),
                ]),
                fix: Fix(
                    names.isEmpty
                        ? "Pair \(kpi.id) with the business KPI it should move."
                        : "Pair \(kpi.id) with \(names.joined(separator: " or ")).", knowledgeKPIs: counters))
        }
    }
}
