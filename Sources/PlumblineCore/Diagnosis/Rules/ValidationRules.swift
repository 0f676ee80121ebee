/// VAL-02: an incentive left on a measure being retired or replaced.
public struct OrphanedIncentiveRule: Rule {
    public let metadata = RuleMetadata(
        id: "VAL-02", title: "Incentive left on a retired measure", category: .validation, severity: .error,
        summary:
            "A retired KPI is still tied to an incentive, or a KPI being replaced keeps its incentive with no replacement.",
        checks: """
            Incentives tied to retired KPIs; and KPIs named in a proposed KPI's replaces that are still \
            tied to an incentive, when no incentive is tied to the proposed KPI.
            """,
        rationale:
            "A redesign that leaves pay on the old measure changes the dashboard and nothing else: behaviour follows the money.",
        remedy: "Move the incentive to the new or remaining measure.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        var out: [Finding] = []
        for kpi in a.canvas.kpis where kpi.status == .retired {
            for incentive in a.incentivesByKPI[kpi.id] ?? [] {
                out.append(
                    finding(
                        "Retired KPI \(kpi.id) still drives pay through \(incentive.id)",
                        subjects: [kpi.id.rawValue, incentive.id.rawValue],
                        evidence: Evidence(facts: [
                            PlainField("status", "retired"), PlainField("incentive", .string(incentive.id.rawValue)),
                        ]),
                        fix: Fix(
                            "Remove \(kpi.id) from \(incentive.id).tied_to and tie it to the measure that replaced it.")
                    ))
            }
        }
        for proposed in a.canvas.kpis where proposed.status == .proposed && !proposed.replaces.isEmpty {
            guard (a.incentivesByKPI[proposed.id] ?? []).isEmpty else { continue }
            for old in proposed.replaces {
                for incentive in a.incentivesByKPI[old] ?? [] {
                    out.append(
                        finding(
                            "\(proposed.id) replaces \(old), but \(incentive.id) still pays on \(old) and nothing pays on \(proposed.id)",
                            subjects: [old.rawValue, incentive.id.rawValue, proposed.id.rawValue],
                            evidence: Evidence(facts: [
                                PlainField("replaced", .string(old.rawValue)),
                                PlainField("replacement", .string(proposed.id.rawValue)),
                            ]),
                            fix: Fix("Propose \(incentive.id) tied to \(proposed.id) alongside the new KPI.")))
                }
            }
        }
        return out
    }
}

/// VAL-01: a redesign nobody has signed off.
public struct MissingSignOffRule: Rule {
    public let metadata = RuleMetadata(
        id: "VAL-01", title: "Redesign without sign-off", category: .validation, severity: .warning,
        summary: "Proposed KPIs exist and no review approves them, or the latest review asks for changes.",
        checks:
            "When the canvas has proposed (or adopted) KPIs, the reviews (ordered by date where given) end in an approval.",
        rationale:
            "A redesign that its stakeholders have not accepted will not be used; step 7 of the canvas exists for this.",
        remedy: "Ask the stakeholders to review the proposed KPIs and record their verdict.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let canvas = context.canvas
        // A canvas judged as adopted (`Canvas.adopted`) marks its former proposals: adopting them
        // for the diagnosis is not the stakeholders' sign-off.
        let proposed = canvas.kpis.filter {
            $0.status == .proposed || $0.extensions.contains { $0.key == Canvas.adoptedField }
        }
        guard !proposed.isEmpty else { return [] }
        let ordered = canvas.reviews.enumerated().sorted { x, y in
            switch (x.element.on, y.element.on) {
            case (let a?, let b?): return a == b ? x.offset < y.offset : a < b
            default: return x.offset < y.offset
            }
        }.map(\.element)
        let approved = ordered.contains { $0.status == .approved }
        let last = ordered.last { $0.status != .pending }
        guard !approved || last?.status == .changesRequested else { return [] }
        return [
            finding(
                approved
                    ? "The latest review asks for changes to the redesign"
                    : "\(proposed.count) proposed KPI\(proposed.count == 1 ? "" : "s") await sign-off",
                subjects: [context.analysis.canvasID] + proposed.map(\.id.rawValue),
                evidence: Evidence(facts: [
                    PlainField("proposed KPIs", .strings(proposed.map(\.id))),
                    PlainField("reviews", .strings(ordered.map { "\($0.by): \($0.status.rawValue)" })),
                ]),
                fix: Fix(
                    "Ask the stakeholders to review \(proposed.map(\.id.rawValue).joined(separator: ", ")) and record the verdict in reviews."
                ))
        ]
    }
}
