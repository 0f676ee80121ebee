import PlumblineCore

/// GOV-03: a high-impact risk without an owner or a mitigation gets a revision naming an
/// oversight owner and the mechanisms already watching what the risk concerns.
struct RiskGovernanceMove: RedesignMove {
    let rules: Set<String> = ["GOV-03"]

    func propose(for finding: Finding, in draft: inout RedesignDraft) {
        guard let id = finding.subjects.first, let risk = draft.index[RiskID(id)] else { return }
        let owner = risk.owner ?? draft.overseer(independentOf: [])
        let mitigation = risk.mitigatedBy.isEmpty ? mechanisms(for: risk, in: draft) : risk.mitigatedBy
        guard let owner, !mitigation.isEmpty else { return }
        draft.revise(
            \.risks, risk, answering: finding, entity: .riskRevision,
            action: "\(risk.id) owned by \(owner), mitigated by \(mitigation.map(\.rawValue).joined(separator: ", "))",
            why: "A high-impact risk needs an owner and a control."
        ) { r in
            r.owner = owner
            r.mitigatedBy = mitigation
        }
    }

    /// The mechanisms that watch what a risk of this category is about: AI systems for AI risks,
    /// audits for data-integrity and compliance, reviews and governance otherwise.
    private func mechanisms(for risk: Risk, in draft: RedesignDraft) -> [MechanismID] {
        let all = draft.analysis.canvas.mechanisms
        let fitting: [Mechanism]
        switch risk.category {
        case .ai:
            let systems = Set(draft.analysis.canvas.participants.filter { $0.type == .aiSystem }.map(\.id))
            fitting = all.filter { !Set($0.coveredParticipants).isDisjoint(with: systems) }
        case .dataIntegrity, .compliance, .privacy:
            fitting = all.filter { $0.kind == .audit }
        default:
            fitting = all.filter { $0.kind == .governance || $0.kind == .review }
        }
        return fitting.prefix(2).map(\.id)
    }
}
