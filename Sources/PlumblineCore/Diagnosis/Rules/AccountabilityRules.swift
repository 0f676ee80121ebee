/// ACC-01: a measure with no owner, or with several.
public struct AccountableOwnerRule: Rule {
    public let metadata = RuleMetadata(
        id: "ACC-01", title: "No single accountable owner", category: .accountability, severity: .error,
        summary: "A current KPI has no accountable participant, or more than one.",
        checks: "Each current KPI names exactly one participant in accountable.",
        rationale: """
            RACI's first rule: one A per outcome. With none, nobody acts; with several, each waits for \
            the others, and the number belongs to no one.
            """,
        remedy: "Name exactly one accountable participant; move the others to responsible or consulted.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        context.analysis.currentKPIs.compactMap { kpi in
            let owners = Array(Set(kpi.accountable)).sorted()
            guard owners.count != 1 else { return nil }
            let message =
                owners.isEmpty
                ? "\(kpi.name) (\(kpi.id)) has no accountable participant"
                : "\(kpi.name) (\(kpi.id)) has \(owners.count) accountable participants: \(owners.map(\.rawValue).joined(separator: ", "))"
            return finding(
                message, subjects: [kpi.id.rawValue] + owners.map(\.rawValue),
                evidence: Evidence(facts: [
                    PlainField("accountable", .strings(owners)), PlainField("count", .number(Double(owners.count))),
                ]),
                fix: Fix(
                    owners.isEmpty
                        ? "Name the one participant who answers for \(kpi.id) in accountable."
                        : "Keep one of \(owners.map(\.rawValue).joined(separator: ", ")) as accountable for \(kpi.id) and list the others as responsible or consulted."
                ))
        }
    }
}

/// ACC-02: answerable without a lever to pull.
public struct AccountabilityWithoutAuthorityRule: Rule {
    public let metadata = RuleMetadata(
        id: "ACC-02", title: "Accountable without decision rights", category: .accountability, severity: .warning,
        summary: "The accountable participant has no decision rights and is not an oversight role.",
        checks:
            "A participant accountable for a current KPI lists something under decides, unless it is of type oversight.",
        rationale: """
            Accountability without authority breeds blame, not improvement: the RAPID model ties \
            answering for a result to the right to decide how to reach it.
            """,
        remedy: "Grant the participant the levers that move the KPI, or make the one who holds them accountable.")

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        return a.canvas.participants.compactMap { p in
            guard let kpis = a.accountableKPIs[p.id], !kpis.isEmpty, p.decides.isEmpty, p.type != .oversight else {
                return nil
            }
            return finding(
                "\(p.name) (\(p.id)) answers for \(kpis.count) KPI\(kpis.count == 1 ? "" : "s") but decides nothing",
                subjects: [p.id.rawValue] + kpis.map(\.id.rawValue),
                evidence: Evidence(facts: [
                    PlainField("accountable for", .strings(kpis.map(\.id))), PlainField("decision rights", .list([])),
                ]),
                fix: Fix(
                    "List under \(p.id).decides the levers it controls for \(kpis.map(\.id.rawValue).joined(separator: ", ")), or make the participant who holds them accountable."
                ))
        }
    }
}

/// ACC-03: too many measures on one desk.
public struct AccountabilityOverloadRule: Rule {
    public let metadata = RuleMetadata(
        id: "ACC-03", title: "Accountability overload", category: .accountability, severity: .info,
        summary: "A participant is accountable for more KPIs than anyone can manage.",
        checks: "Counts the current KPIs each participant is accountable for, against the parameter max.",
        rationale:
            "Attention is finite: past a dozen measures, the ones that are easy to move crowd out the ones that matter.",
        remedy: "Rebalance: hand some KPIs to the participants who do the work, or retire the weakest.",
        parameters: [RuleParameter("max", default: 12, "most current KPIs one participant should answer for")])

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let limit = Int(context.parameter("max"))
        let a = context.analysis
        return a.canvas.participants.compactMap { p in
            guard let kpis = a.accountableKPIs[p.id], kpis.count > limit else { return nil }
            return finding(
                "\(p.name) (\(p.id)) is accountable for \(kpis.count) KPIs (more than \(limit))",
                subjects: [p.id.rawValue],
                evidence: Evidence(facts: [
                    PlainField("KPIs", .number(Double(kpis.count))), PlainField("max", .number(Double(limit))),
                ]),
                fix: Fix("Hand some of \(p.id)'s KPIs to the participants who do the work, or retire the weakest."))
        }
    }
}

/// ACC-04: a participant with no part in accountability at all.
public struct RolelessParticipantRule: Rule {
    public let metadata = RuleMetadata(
        id: "ACC-04", title: "Participant without a role", category: .accountability, severity: .warning,
        summary: "A participant answers for no KPI, owns no mechanism, is covered by none and acts on no loop.",
        checks:
            "Every participant other than customers appears as accountable, as a mechanism owner or subject, or in a loop's acted_on_by (accountability-network canvases).",
        rationale: "In a network, a party with no defined accountability is where problems go to disappear.",
        remedy:
            "Define its role: a KPI it answers for, a mechanism it runs or is held by, or a loop it acts on — or drop it from the canvas.",
        onlyFor: .accountabilityNetwork)

    public init() {}

    public func findings(in context: RuleContext) -> [Finding] {
        let a = context.analysis
        var involved = Set(a.accountableKPIs.keys)
        for m in a.canvas.mechanisms {
            if let o = m.owner { involved.insert(o) }
            involved.formUnion(m.coveredParticipants)
        }
        for l in a.canvas.feedbackLoops { involved.formUnion(l.actedOnBy) }
        return a.canvas.participants.filter { $0.type != .customer && !involved.contains($0.id) }.map { p in
            finding(
                "\(p.name) (\(p.id)) has no defined accountability in the network", subjects: [p.id.rawValue],
                evidence: Evidence(facts: [
                    PlainField("accountable KPIs", 0), PlainField("mechanisms", 0), PlainField("loops acted on", 0),
                ]),
                fix: Fix("Give \(p.id) a KPI to answer for, a mechanism to run or be covered by, or a loop to act on."))
        }
    }
}
