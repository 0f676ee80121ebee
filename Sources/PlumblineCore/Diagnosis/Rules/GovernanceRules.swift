/// GOV-02: an AI that optimises or decides with no human able to intervene.
public struct UnsupervisedAIRule: Rule {
    public let metadata = RuleMetadata(
        id: "GOV-02", title: "AI without human oversight", category: .governance, severity: .error,
        summary: "An AI optimises or decides on a KPI with no human override, or with nothing monitoring it.",
        checks: """
            KPIs whose ai.role is optimizes or decides must have human_override: true and a mechanism \
            covering the KPI or its AI system.
            """,
        rationale: """
            The NIST AI Risk Management Framework asks that people can understand, challenge and overrule \
            automated decisions, and that their effects are monitored; an optimiser left alone optimises \
            its proxy, not your intent.
            """,
        remedy:
            "Give a named person the power to override, and a review or governance mechanism that watches the AI's effect."
    )

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        return a.currentKPIs.compactMap { kpi in
            guard let ai = kpi.ai, let role = ai.role, role == .optimizes || role == .decides else { return nil }
            let covered =
                !(a.mechanismsByKPI[kpi.id] ?? []).isEmpty
                || ai.system.map { !(a.mechanismsByParticipant[$0] ?? []).isEmpty } == true
            let override = ai.humanOverride == true
            guard !override || !covered else { return nil }
            var gaps: [String] = []
            if !override { gaps.append("no human override") }
            if !covered { gaps.append("no mechanism covers it or its AI system") }
            return finding(
                "An AI \(role.rawValue) \(kpi.name) (\(kpi.id)) with \(gaps.joined(separator: " and "))",
                subjects: [kpi.id.rawValue] + (ai.system.map { [$0.rawValue] } ?? []),
                evidence: Evidence(facts: [
                    PlainField("AI role", .string(role.rawValue)),
                    PlainField("human override", ai.humanOverride.map(PlainValue.bool) ?? .null),
                    PlainField("mechanisms covering it", .number(Double(a.mechanismsByKPI[kpi.id]?.count ?? 0))),
                ]),
                fix: Fix(
                    "Set human_override: true on \(kpi.id) with a named person who can overrule it, and add a review or governance mechanism covering \(ai.system?.rawValue ?? kpi.id.rawValue)."
                ))
        }
    }
}

/// GOV-03: a serious risk nobody owns or mitigates.
public struct UngovernedRiskRule: Rule {
    public let metadata = RuleMetadata(
        id: "GOV-03", title: "Ungoverned high-impact risk", category: .governance, severity: .warning,
        summary: "A risk with high impact has no owner or no mitigating mechanism.",
        checks: "Risks with impact: high need an owner and at least one mechanism in mitigated_by.",
        rationale:
            "The three-lines model: a risk nobody owns is managed by nobody, and one without controls is only a worry.",
        remedy: "Name an owner and the mechanism (audit, review, escalation) that mitigates it.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        context.canvas.risks.compactMap { risk in
            guard risk.impact == .high, risk.owner == nil || risk.mitigatedBy.isEmpty else { return nil }
            var gaps: [String] = []
            if risk.owner == nil { gaps.append("no owner") }
            if risk.mitigatedBy.isEmpty { gaps.append("no mitigating mechanism") }
            return finding(
                "High-impact risk \(risk.id) has \(gaps.joined(separator: " and "))", subjects: [risk.id.rawValue],
                evidence: Evidence(facts: [
                    PlainField("impact", "high"), PlainField("owner", risk.owner.map { .string($0.rawValue) } ?? .null),
                    PlainField("mitigated by", .strings(risk.mitigatedBy)),
                ]),
                fix: Fix("Give \(risk.id) an owner and a mechanism in mitigated_by."))
        }
    }
}

/// GOV-01: marking your own homework.
public struct IndependentOversightRule: Rule {
    public let metadata = RuleMetadata(
        id: "GOV-01", title: "Oversight that is not independent", category: .governance, severity: .error,
        summary:
            "A review is owned by the accountable participant of a KPI it covers, or an audit by it or its non-oversight superiors.",
        checks: """
            For reviews and audits covering a KPI: the owner is not its accountable participant; for \
            audits, nor anyone above it in the reporting line who is not of type oversight.
            """,
        rationale: "The IIA three-lines model: those who own a result cannot also be the ones who assure it.",
        remedy: "Give the review or audit an owner outside the accountable participant's line.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        var out: [Finding] = []
        for m in a.canvas.mechanisms where m.kind == .review || m.kind == .audit {
            guard let owner = m.owner else { continue }
            for kid in m.coveredKPIs {
                guard let kpi = a.index[kid], kpi.status == .current else { continue }
                for accountable in kpi.accountable {
                    let chain = a.reportingChain(above: accountable).filter { a.index[$0]?.type != .oversight }
                    let conflicted = owner == accountable || (m.kind == .audit && chain.contains(owner))
                    guard conflicted else { continue }
                    out.append(
                        finding(
                            "\(m.id) (\(m.kind.rawValue)) of \(kid) is run by \(owner == accountable ? "its own accountable participant" : "\(accountable)'s own management"), \(owner)",
                            subjects: [m.id.rawValue, kid.rawValue, owner.rawValue],
                            evidence: Evidence(
                                facts: [
                                    PlainField("owner", .string(owner.rawValue)),
                                    PlainField("accountable", .string(accountable.rawValue)),
                                ], path: [accountable.rawValue] + chain.map(\.rawValue)),
                            fix: Fix(
                                "Have \(m.id) owned by a participant outside \(accountable)'s line, such as an oversight role."
                            )))
                }
            }
        }
        return out
    }
}
