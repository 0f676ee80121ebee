import PlumblineCore

/// ACC-01: a KPI with no accountable participant, or several, gets a revision naming exactly
/// one — the one who answers for most of the KPIs serving the same objectives — and keeps the
/// others as responsible.
struct SingleOwnerMove: RedesignMove {
    let rules: Set<String> = ["ACC-01"]

    func propose(for finding: Finding, in draft: inout RedesignDraft) {
        guard let id = finding.subjects.first, let kpi = draft.index[KPIID(id)] else { return }
        let named = Array(Set(kpi.accountable))
        let peers = kpi.serves.flatMap { draft.analysis.servingKPIs[$0] ?? [] }.filter { $0.id != kpi.id }
        let owner: ParticipantID?
        if named.isEmpty {
            owner =
                kpi.responsible.first { draft.canAnswer($0) } ?? draft.mostAccountable(among: peers)
                ?? kpi.measuredBy.flatMap { draft.canAnswer($0) ? $0 : nil }
        } else {
            // Among the named owners, the one already answering for most of the KPIs beside it.
            let ranked = draft.mostAccountable(among: peers.filter { !Set($0.accountable).isDisjoint(with: named) })
            owner = ranked.flatMap { named.contains($0) ? $0 : nil } ?? kpi.accountable.first { draft.canAnswer($0) }
        }
        guard let owner else { return }
        let others = kpi.accountable.filter { $0 != owner }
        draft.revise(
            \.kpis, kpi, answering: finding, entity: .kpiRevision,
            action: "\(owner) alone is accountable for \(kpi.id)"
                + (others.isEmpty
                    ? ""
                    : "; \(others.map(\.rawValue).joined(separator: ", ")) \(others.count == 1 ? "is" : "are") responsible"),
            why: "One accountable owner: \(owner)\(others.isEmpty ? "" : ", with the others responsible")."
        ) { k in
            k.accountable = [owner]
            for p in others where !k.responsible.contains(p) { k.responsible.append(p) }
        }
    }
}
