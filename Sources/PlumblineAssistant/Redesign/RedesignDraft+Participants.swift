import PlumblineCore

/// Choosing who a proposal names: only participants the canvas already has.
extension RedesignDraft {
    /// People and bodies who can answer for something: not customers, not AI systems.
    func canAnswer(_ id: ParticipantID) -> Bool {
        guard let p = index[id] else { return false }
        return p.type != .customer && p.type != .aiSystem
    }

    /// The participant accountable for the most current KPIs among `kpis`, earliest in the canvas
    /// on a tie; nil when none of them has an owner who can answer.
    func mostAccountable(among kpis: [KPI], except excluded: Set<ParticipantID> = []) -> ParticipantID? {
        var counts: [ParticipantID: Int] = [:]
        for k in kpis {
            for p in Set(k.accountable) where canAnswer(p) && !excluded.contains(p) { counts[p, default: 0] += 1 }
        }
        return analysis.canvas.participants.map(\.id).filter { counts[$0] != nil }
            .max { (counts[$0]!, -position($0)) < (counts[$1]!, -position($1)) }
    }

    /// Who should own a new measure of `objective`: whoever answers for most of its current KPIs,
    /// else whoever answers for most current KPIs overall.
    func owner(of objective: ObjectiveID) -> ParticipantID? {
        mostAccountable(among: analysis.servingKPIs[objective] ?? []) ?? mostAccountable(among: analysis.currentKPIs)
    }

    /// An oversight participant independent of `involved`: not one of them, and (for audits) not
    /// above any of them in a reporting line unless it is an oversight role — which it always is.
    /// The first such participant in the canvas, preferring one in the reporting chain above them.
    func overseer(independentOf involved: Set<ParticipantID>) -> ParticipantID? {
        let candidates = analysis.canvas.participants.filter { $0.type == .oversight && !involved.contains($0.id) }
        let chains = Set(involved.flatMap { analysis.reportingChain(above: $0) })
        return (candidates.first { chains.contains($0.id) } ?? candidates.first)?.id
    }

    /// Where an escalation from `participant` should go: an oversight role above it, else any
    /// oversight role other than itself.
    func escalationTarget(from participant: ParticipantID) -> ParticipantID? {
        let chain = analysis.reportingChain(above: participant)
        if let above = chain.first(where: { index[$0]?.type == .oversight }) { return above }
        return analysis.canvas.participants.first { $0.type == .oversight && $0.id != participant }?.id
    }

    private func position(_ id: ParticipantID) -> Int { index.position(of: id) ?? Int.max }
}

extension Frequency {
    /// The cadence that looks at a measure as often as it changes.
    var cadence: Cadence { Cadence(rawValue: rawValue) ?? .monthly }

    /// A sensible time to respond when a measure of this frequency misses its target.
    var responseTime: TimeSpan {
        switch self {
        case .daily: TimeSpan("48h")!
        case .weekly: TimeSpan("1w")!
        case .monthly: TimeSpan("2w")!
        case .quarterly, .yearly: TimeSpan("1m")!
        }
    }
}

extension RedesignDraft {
    /// An oversight role independent of `involved`; when the canvas has none, a proposed
    /// independent assurance role (added once, for the team to appoint).
    mutating func independentOverseer(of involved: Set<ParticipantID>, answering finding: Finding) -> ParticipantID? {
        if let found = overseer(independentOf: involved) { return found }
        if let ours = canvas.participants.first(where: {
            $0.type == .oversight && $0.extensions.proposal?.by == proposer && !involved.contains($0.id)
        }) {
            return ours.id
        }
        let role = Participant(
            id: ParticipantID(freshID("independent-assurance")), name: "Independent assurance (to be appointed)",
            type: .oversight,
            responsibilities: [
                "Runs the reviews and audits that those who answer for the results cannot run themselves"
            ],
            extensions: [
                PlainField(
                    ProposalMark.field,
                    mark(
                        finding,
                        rationale:
                            "The canvas has no oversight role independent of \(involved.map(\.rawValue).sorted().joined(separator: ", "))."
                    ).value)
            ])
        add(role)
        recordAddition(
            finding, entity: .participant, id: role.id.rawValue, action: "oversight role \(role.id), to be appointed")
        return role.id
    }
}
