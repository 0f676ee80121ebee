import PlumblineCore

/// COV-01 and CHAIN-01: an objective that nothing measures, or only effort measures, gets a
/// proposed outcome KPI from the knowledge base's measures for that kind of objective.
struct OutcomeMeasureMove: RedesignMove {
    let rules: Set<String> = ["COV-01", "CHAIN-01"]

    func propose(for finding: Finding, in draft: inout RedesignDraft) {
        guard let id = finding.subjects.first, let objective = draft.index[ObjectiveID(id)] else { return }
        if draft.proposeOutcome(for: objective.id, answering: finding, candidates: finding.fix.knowledgeKPIs) == nil {
            link(objective, finding, &draft)
        }
    }

    /// When the knowledge base knows no measure for the objective, the current outcome KPI whose
    /// name and formula share the most words with the objective's statement (two at least) is
    /// proposed to serve it too — the rule's other remedy, "link an existing one".
    private func link(_ objective: Objective, _ finding: Finding, _ draft: inout RedesignDraft) {
        let statement = Self.words(objective.statement)
        let scored = draft.analysis.currentKPIs.compactMap { kpi -> (KPI, Int)? in
            guard kpi.level?.isResult == true, !kpi.serves.contains(objective.id) else { return nil }
            let words = Self.words(kpi.name + " " + (kpi.formula ?? ""))
            let shared = statement.filter { w in words.contains { Self.related(w, $0) } }.count
            return shared >= 2 ? (kpi, shared) : nil
        }
        guard let (kpi, shared) = scored.max(by: { $0.1 < $1.1 }) else { return }
        draft.revise(
            \.kpis, kpi, answering: finding, entity: .kpiRevision,
            action: "\(kpi.id) also serves \(objective.id)",
            why: "\(kpi.name) measures what '\(objective.statement)' asks for (\(shared) words in common)."
        ) { k in if !k.serves.contains(objective.id) { k.serves.append(objective.id) } }
    }

    private static let common: Set<String> = ["every", "each", "with", "from", "into", "their", "than", "more", "less"]

    /// Lower-case words of four letters or more, without the commonest.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 4 && !common.contains($0) }
    }

    /// The same word, or one containing the other's stem ("undamaged" and "damaged", "orders" and "order").
    static func related(_ a: String, _ b: String) -> Bool {
        a == b || (b.count >= 5 && a.contains(b)) || (a.count >= 5 && b.contains(a))
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
        guard
            let entry = ids.compactMap({ knowledge[$0] }).first(where: {
                $0.level.isResult && !measured.contains($0.id)
            }),
            let owner = accountable ?? owner(of: objective)
        else { return nil }
        var kpi = kpi(from: entry, accountable: owner)
        kpi.serves = [objective]
        propose(
            kpi, answering: finding,
            why:
                "\(entry.name) shows whether '\(o.statement)' is achieved (an \(entry.level.rawValue) measure, not effort).",
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
