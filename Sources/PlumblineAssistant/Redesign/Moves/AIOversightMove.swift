import PlumblineCore

/// GOV-02: an AI that optimises or decides with no human override or no monitoring gets both —
/// a revision of the KPI with `human_override: true` (its accountable participant can overrule
/// the AI) and a review of the AI's effect owned by an oversight role.
struct AIOversightMove: RedesignMove {
    let rules: Set<String> = ["GOV-02"]

    func propose(for finding: Finding, in draft: inout RedesignDraft) {
        guard let id = finding.subjects.first, let kpi = draft.index[KPIID(id)], let ai = kpi.ai else { return }
        if ai.humanOverride != true {
            let person = kpi.accountable.first.map(\.rawValue) ?? "its accountable participant"
            draft.revise(
                \.kpis, kpi, answering: finding, entity: .kpiRevision,
                action: "human_override: true on \(kpi.id), so \(person) can overrule the AI",
                why: "A person (\(person)) can overrule what the AI does with it."
            ) { k in k.ai?.humanOverride = true }
        }
        let covered =
            !(draft.analysis.mechanismsByKPI[kpi.id] ?? []).isEmpty
            || ai.system.map { !(draft.analysis.mechanismsByParticipant[$0] ?? []).isEmpty } == true
        guard !covered, let owner = draft.independentOverseer(of: Set(kpi.accountable), answering: finding) else {
            return
        }
        let system = ai.system.flatMap { draft.index[$0] }
        var covers: [Coverage] = [.kpi(kpi.id)]
        if let system { covers.append(.participant(system.id)) }
        let mechanism = Mechanism(
            id: MechanismID(draft.freshID("\(system?.id.rawValue ?? kpi.id.rawValue)-oversight")),
            name: "Human review of \(system?.name ?? "the AI") on \(kpi.name)", kind: .review, owner: owner,
            covers: covers, cadence: (kpi.frequency ?? .monthly).cadence)
        draft.add(
            mechanism, answering: finding,
            why: "People independent of the KPI's owner watch what the AI does to it and can stop it.",
            action: "review \(mechanism.id) by \(owner) covering \(covers.map(\.rawValue).joined(separator: ", "))")
    }
}
