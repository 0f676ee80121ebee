import PlumblineCore

/// ESC-01: a KPI with a target and nowhere to escalate gets an escalation mechanism run by its
/// owner, with a trigger, a time limit and an oversight role to escalate to.
struct EscalationPathMove: RedesignMove {
    let rules: Set<String> = ["ESC-01"]

    func propose(for finding: Finding, in draft: inout RedesignDraft) {
        guard let id = finding.subjects.first, let kpi = draft.index[KPIID(id)],
            let owner = kpi.accountable.first(where: draft.canAnswer), let target = draft.escalationTarget(from: owner)
        else { return }
        let frequency = kpi.frequency ?? .monthly
        // One escalation per owner, covering each of its KPIs that needs one.
        if let existing = draft.canvas.mechanisms.first(where: {
            $0.kind == .escalation && $0.owner == owner && $0.extensions.proposal?.by == draft.proposer
        }),
            draft.extendProposal(
                \.mechanisms, id: existing.id.rawValue, answering: finding, entity: .mechanism,
                action: "escalation \(existing.id) also covers \(kpi.id)",
                { m in if !m.coveredKPIs.contains(kpi.id) { m.covers.append(.kpi(kpi.id)) } })
        {
            return
        }
        let mechanism = Mechanism(
            id: MechanismID(draft.freshID("\(owner)-escalation")), name: "Escalation of missed targets",
            kind: .escalation, owner: owner, covers: [.kpi(kpi.id)], cadence: .onTrigger,
            trigger: "a covered KPI misses its target two \(frequency.periodName)s running", escalatesTo: target,
            within: frequency.responseTime)
        draft.add(
            mechanism, answering: finding,
            why: "When \(kpi.id) misses its target and \(owner) cannot fix it alone, it goes to \(target).",
            action: "escalation \(mechanism.id) from \(owner) to \(target) within \(frequency.responseTime)")
    }
}

extension Frequency {
    /// "week" for weekly: the period a measure of this frequency reports on.
    var periodName: String {
        switch self {
        case .daily: "day"
        case .weekly: "week"
        case .monthly: "month"
        case .quarterly: "quarter"
        case .yearly: "year"
        }
    }
}
