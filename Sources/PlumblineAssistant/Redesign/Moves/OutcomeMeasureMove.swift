import PlumblineCore

/// COV-01 and CHAIN-01: an objective that nothing measures, or only effort measures, gets a
/// proposed outcome KPI from the knowledge base's measures for that kind of objective.
struct OutcomeMeasureMove: RedesignMove {
    let rules: Set<String> = ["COV-01", "CHAIN-01"]

    func propose(for finding: Finding, in draft: inout RedesignDraft) {
        guard let id = finding.subjects.first, draft.index[ObjectiveID(id)] != nil else { return }
        draft.proposeOutcome(for: ObjectiveID(id), answering: finding, candidates: finding.fix.knowledgeKPIs)
    }
}

extension RedesignDraft {
    /// Proposes an outcome KPI serving `objective`: the first knowledge-base entry among
    /// `candidates` (else the objective theme's outcome KPIs) that the canvas does not measure yet.
    /// Returns its id, or nil when the knowledge base knows no outcome measure for the objective.
    @discardableResult
    mutating func proposeOutcome(
        for objective: ObjectiveID, answering finding: Finding, candidates: [String] = [],
        accountable: ParticipantID? = nil
    ) -> KPIID? {
        guard let o = index[objective] else { return nil }
        let themed = knowledge.theme(for: o.statement)
        let ids = candidates.isEmpty ? themed?.outcomeKPIs ?? [] : candidates
        let measured = Set(canvas.kpis.compactMap { knowledge.match($0)?.entry.id })
        guard let entry = ids.compactMap({ knowledge[$0] }).first(where: { $0.level.isResult && !measured.contains($0.id) }),
            let owner = accountable ?? owner(of: objective)
        else { return nil }
        var kpi = kpi(from: entry, accountable: owner)
        kpi.serves = [objective]
        propose(
            kpi, answering: finding,
            why: "\(entry.name) shows whether '\(o.statement)' is achieved (an \(entry.level.rawValue) measure, not effort).",
            action: "outcome KPI \(kpi.id) (\(entry.name)) serving \(objective), accountable \(owner)")
        return kpi.id
    }

    /// A KPI defined as the knowledge base defines `entry`, under a fresh id. Targets are left to
    /// the team: the knowledge base knows the measure, not what this organisation can reach.
    mutating func kpi(from entry: KnowledgeKPI, accountable: ParticipantID) -> KPI {
        KPI(
            id: KPIID(freshID(entry.id)), name: entry.name, formula: entry.formula, unit: entry.unit,
            direction: entry.direction, level: entry.level, perspective: entry.perspective, horizon: entry.horizon,
            frequency: entry.frequency, blocks: [entry.block], accountable: [accountable])
    }
}
