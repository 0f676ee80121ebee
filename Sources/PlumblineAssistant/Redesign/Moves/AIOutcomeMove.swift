import PlumblineCore

/// AI-01: an AI-produced activity or output measure tied to no outcome gets a revision that
/// declares which outcome it drives — an outcome of what it serves, or a proposed one — so the
/// AI is judged by its effect.
struct AIOutcomeMove: RedesignMove {
    let rules: Set<String> = ["AI-01"]

    func propose(for finding: Finding, in draft: inout RedesignDraft) {
        guard let id = finding.subjects.first, let kpi = draft.index[KPIID(id)] else { return }
        var outcome = draft.analysis.outcomes(of: kpi).first { $0.level?.isResult == true }?.id
        if outcome == nil, let objective = kpi.serves.first {
            outcome = draft.proposeOutcome(
                for: objective, answering: finding, accountable: kpi.accountable.first(where: draft.canAnswer))
        }
        guard let outcome else { return }
        draft.revise(
            \.kpis, kpi, answering: finding, entity: .kpiRevision, action: "\(kpi.id) drives \(outcome)",
            why: "The AI is judged by \(outcome), the outcome its work should move."
        ) { k in if !k.drives.contains(outcome) { k.drives.append(outcome) } }
    }
}
