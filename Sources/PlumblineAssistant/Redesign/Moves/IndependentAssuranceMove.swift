import PlumblineCore

/// GOV-01 and INC-03: oversight that is not independent. A review or audit run by the owner of
/// what it covers gets a revision run by an independent oversight role; a reward paid on numbers
/// its recipient produces gets an audit by an oversight role outside the recipient's line.
struct IndependentAssuranceMove: RedesignMove {
    let rules: Set<String> = ["GOV-01", "INC-03"]

    func propose(for finding: Finding, in draft: inout RedesignDraft) {
        switch finding.rule {
        case "GOV-01": reassign(finding, &draft)
        case "INC-03": audit(finding, &draft)
        default: break
        }
    }

    private func reassign(_ finding: Finding, _ draft: inout RedesignDraft) {
        guard let id = finding.subjects.first, let mechanism = draft.index[MechanismID(id)] else { return }
        // Independent of every KPI the mechanism covers, so the revision answers them all at once.
        let owners = Set(mechanism.coveredKPIs.flatMap { draft.index[$0]?.accountable ?? [] })
        guard let owner = draft.independentOverseer(of: owners, answering: finding) else { return }
        draft.revise(
            \.mechanisms, mechanism, answering: finding, entity: .mechanismRevision,
            action: "\(mechanism.id) run by \(owner) instead of \(mechanism.owner?.rawValue ?? "nobody")",
            why:
                "Those who own a result do not assure it: \(owner) is independent of \(owners.map(\.rawValue).sorted().joined(separator: ", "))."
        ) { m in m.owner = owner }
    }

    private func audit(_ finding: Finding, _ draft: inout RedesignDraft) {
        guard finding.subjects.count >= 3, let kpi = draft.index[KPIID(finding.subjects[2])] else { return }
        let recipient = ParticipantID(finding.subjects[1])
        let line = draft.analysis.reportingLine(below: recipient).union([recipient]).union(kpi.accountable)
        guard let owner = draft.independentOverseer(of: line, answering: finding) else { return }
        // One proposed audit per auditor, covering every KPI it takes on.
        if let existing = draft.canvas.mechanisms.first(where: {
            $0.kind == .audit && $0.owner == owner && $0.extensions.proposal?.by == draft.proposer
                && $0.extensions.proposal?.replaces == nil
        }),
            draft.extendProposal(
                \.mechanisms, id: existing.id.rawValue, answering: finding, entity: .mechanism,
                action: "audit \(existing.id) by \(owner) also covers \(kpi.id)",
                { m in if !m.coveredKPIs.contains(kpi.id) { m.covers.append(.kpi(kpi.id)) } })
        {
            return
        }
        let mechanism = Mechanism(
            id: MechanismID(draft.freshID("\(owner)-independent-audit")), name: "Independent audit of reported numbers",
            kind: .audit, owner: owner, covers: [.kpi(kpi.id)], cadence: .quarterly)
        draft.add(
            mechanism, answering: finding,
            why: "\(recipient) is paid on \(kpi.id) and produces its numbers; \(owner) checks them independently.",
            action: "audit \(mechanism.id) by \(owner) covering \(kpi.id)")
    }
}
