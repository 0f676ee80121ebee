/// INC-02: payouts with a cliff.
public struct CliffPayoutRule: Rule {
    public let metadata = RuleMetadata(
        id: "INC-02", title: "Cliff-edge payout", category: .incentives, severity: .warning,
        summary: "An incentive pays in a step at the target or at the period's end.",
        checks: "Incentives with shape step or deadline.",
        rationale: """
            A payout that jumps at a threshold rewards landing just past it and nothing more; one paid at \
            period end rewards pulling results forward. Both show in the data as bunching and \
            period-end pushes (DATA-01, DATA-02).
            """,
        remedy: "Use a linear or capped payout, and check the KPI's values for bunching (DATA-01).")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        context.canvas.incentives.compactMap { incentive in
            guard let shape = incentive.shape, shape == .step || shape == .deadline else { return nil }
            return finding(
                "\(incentive.id) pays \(shape == .step ? "in a step at the target" : "at the period's end")",
                subjects: [incentive.id.rawValue, incentive.recipient.rawValue] + incentive.tiedTo.map(\.rawValue),
                evidence: Evidence(facts: [
                    PlainField("shape", .string(shape.rawValue)), PlainField("tied to", .strings(incentive.tiedTo)),
                ]),
                fix: Fix(
                    "Make \(incentive.id) linear or capped, and load \(incentive.tiedTo.map(\.rawValue).joined(separator: ", ")) values so DATA-01 can test for bunching."
                ))
        }
    }
}

/// INC-01: a big reward hanging on one number.
public struct SingleMeasureRewardRule: Rule {
    public let metadata = RuleMetadata(
        id: "INC-01", title: "Single-measure reward", category: .incentives, severity: .warning,
        summary:
            "A heavily weighted incentive depends on one KPI while its participant answers for KPIs serving several objectives.",
        checks:
            "Incentives with weight ≥ min_weight tied to one KPI, whose recipient is accountable for current KPIs serving two or more objectives.",
        rationale:
            "Surrogation (Choi, Hecht & Tayler): when pay rides on one number, people come to treat the number as the goal and neglect the rest of their job.",
        remedy: "Reward a balanced set of the participant's KPIs, one per objective it serves.",
        parameters: [RuleParameter("min_weight", default: 0.3, "weight from which a single-KPI incentive is a concern")]
    )

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis, minimum = context.parameter("min_weight")
        return a.canvas.incentives.compactMap { incentive in
            guard let weight = incentive.weight, weight >= minimum, Set(incentive.tiedTo).count == 1 else { return nil }
            let objectives = Set((a.accountableKPIs[incentive.recipient] ?? []).flatMap(\.serves))
            guard objectives.count >= 2 else { return nil }
            return finding(
                "\(incentive.id) puts \(Int((weight * 100).rounded())) % of \(a.name(incentive.recipient))'s reward on \(incentive.tiedTo[0]) alone",
                subjects: [incentive.id.rawValue, incentive.recipient.rawValue, incentive.tiedTo[0].rawValue],
                evidence: Evidence(facts: [
                    PlainField("weight", .number(weight)),
                    PlainField("objectives its KPIs serve", .strings(objectives.sorted())),
                ]),
                fix: Fix(
                    "Tie \(incentive.id) to one KPI per objective \(incentive.recipient) serves, not to \(incentive.tiedTo[0]) alone."
                ))
        }
    }
}

/// INC-03: paid on numbers you produce yourself.
public struct SelfMeasuredStakesRule: Rule {
    public let metadata = RuleMetadata(
        id: "INC-03", title: "Self-measured stakes", category: .incentives, severity: .error,
        summary:
            "An incentive's KPI is measured by its recipient or the recipient's own reports, and no independent audit covers it.",
        checks: """
            For each incentive and KPI it is tied to: measured_by is the recipient or someone below it in \
            the reporting line, and no audit owned outside that line covers the KPI.
            """,
        rationale:
            "Campbell's law: the more a number decides rewards, the more it bends; when the rewarded party also produces it, nothing keeps it straight (the three-lines model's independence).",
        remedy: "Have the numbers produced by someone independent, or audited by a party outside the recipient's line.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        var out: [Finding] = []
        for incentive in a.canvas.incentives {
            let line = a.reportingLine(below: incentive.recipient).union([incentive.recipient])
            for kid in incentive.tiedTo {
                guard let kpi = a.index[kid], let measurer = kpi.measuredBy, line.contains(measurer) else { continue }
                let independent = (a.mechanismsByKPI[kid] ?? []).contains {
                    $0.kind == .audit && $0.owner.map { !line.contains($0) } == true
                }
                guard !independent else { continue }
                out.append(
                    finding(
                        "\(a.name(incentive.recipient)) is rewarded on \(kid), whose numbers \(measurer == incentive.recipient ? "it produces itself" : "its own report \(measurer) produces")",
                        subjects: [incentive.id.rawValue, incentive.recipient.rawValue, kid.rawValue],
                        evidence: Evidence(
                            facts: [
                                PlainField("measured by", .string(measurer.rawValue)),
                                PlainField("independent audits", .number(0)),
                            ],
                            path: [incentive.recipient.rawValue]
                                + (measurer == incentive.recipient ? [] : [measurer.rawValue])),
                        fix: Fix(
                            "Have \(kid) measured outside \(incentive.recipient)'s line, or add an audit owned by an independent participant."
                        )))
            }
        }
        return out
    }
}

/// INC-04: the top priority is the one nobody is paid for.
public struct NeglectedPriorityRule: Rule {
    public let metadata = RuleMetadata(
        id: "INC-04", title: "Top priority without incentive", category: .incentives, severity: .warning,
        summary:
            "The highest-priority objective has no incentive tied to a KPI serving it, while lower-priority objectives do.",
        checks:
            "Compares incentives tied to KPIs serving the priority-1 objective (the lowest priority number) with those of the others.",
        rationale:
            "People follow the money, not the strategy deck: if only the lesser goals pay, they become the real priorities.",
        remedy: "Tie part of an incentive to a KPI serving the top objective.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        let ranked = a.canvas.objectives.filter { $0.priority != nil }
        guard let top = ranked.map({ $0.priority! }).min() else { return [] }
        func incentivised(_ o: Objective) -> Bool {
            (a.servingKPIs[o.id] ?? []).contains { !(a.incentivesByKPI[$0.id] ?? []).isEmpty }
        }
        let others = ranked.filter { $0.priority! > top && incentivised($0) }
        guard !others.isEmpty else { return [] }
        return ranked.filter { $0.priority == top && !incentivised($0) }.map { objective in
            finding(
                "The top objective '\(objective.id)' pays nobody, while \(others.map(\.id.rawValue).joined(separator: ", ")) do",
                subjects: [objective.id.rawValue],
                evidence: Evidence(facts: [
                    PlainField("priority", .number(Double(top))),
                    PlainField("incentivised objectives", .strings(others.map(\.id))),
                ]),
                fix: Fix("Tie part of an existing incentive to a KPI serving \(objective.id)."))
        }
    }
}
