import PlumblineCore

/// PAIR-01 and AI-02: a gameable measure, or a model metric measured for its own sake, gets its
/// counter-measure from the knowledge base as a proposed KPI declared in `pairs_with`. For AI-02
/// the model metric's revision pairs back, since that rule reads the metric's own links.
struct GuardrailMove: RedesignMove {
    let rules: Set<String> = ["PAIR-01", "AI-02"]

    func propose(for finding: Finding, in draft: inout RedesignDraft) {
        guard let id = finding.subjects.first, let kpi = draft.index[KPIID(id)] else { return }
        let candidates = finding.fix.knowledgeKPIs.compactMap { draft.knowledge[$0] }
            .filter { finding.rule != "AI-02" || !$0.modelQuality }
        guard let entry = candidates.first else { return }
        // A KPI of the canvas (or one proposed this round) may already be the counter-measure.
        let existing = draft.canvas.kpis.first {
            $0.status != .retired && $0.id != kpi.id && draft.knowledge.match($0)?.entry.id == entry.id
        }
        let guardID: KPIID
        if let existing {
            guardID = existing.id
            if finding.rule == "PAIR-01" {
                _ = draft.extendProposal(
                    \.kpis, id: existing.id.rawValue, answering: finding, entity: .kpi,
                    action: "\(existing.id) also pairs with \(kpi.id)"
                ) { k in if !k.pairsWith.contains(kpi.id) { k.pairsWith.append(kpi.id) } }
            }
        } else {
            guard let owner = kpi.accountable.first(where: draft.canAnswer) ?? draft.mostAccountable(among: [kpi])
            else { return }
            var guardrail = draft.kpi(from: entry, accountable: owner)
            guardrail.serves = kpi.serves
            guardrail.pairsWith = [kpi.id]
            let reason =
                draft.knowledge.counters(of: draft.analysis.matches[kpi.id]?.entry.id ?? "")
                .first { $0.b == entry.id }.map { " \($0.reason) (\($0.source))" } ?? ""
            draft.propose(
                guardrail, answering: finding,
                why: "Counter-measure for \(kpi.name): \(entry.name) shows the corners being cut.\(reason)",
                action: "guardrail KPI \(guardrail.id) (\(entry.name)) paired with \(kpi.id), accountable \(owner)")
            guardID = guardrail.id
        }
        guard finding.rule == "AI-02" else { return }
        draft.revise(
            \.kpis, kpi, answering: finding, entity: .kpiRevision,
            action: "\(kpi.id) pairs with \(guardID)",
            why: "Judged together with \(guardID), the effect it should have."
        ) { k in if !k.pairsWith.contains(guardID) { k.pairsWith.append(guardID) } }
    }
}
