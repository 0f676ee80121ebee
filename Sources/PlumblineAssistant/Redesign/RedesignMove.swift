import PlumblineCore

/// One kind of change a redesign knows how to make: the rules whose findings it answers and
/// how it answers one of them. Moves only append to the canvas, through `RedesignDraft`.
protocol RedesignMove: Sendable {
    /// Rule ids whose findings this move answers.
    var rules: Set<String> { get }
    /// Proposes what answers `finding`, or nothing when the canvas lacks what the answer needs.
    func propose(for finding: Finding, in draft: inout RedesignDraft)
}

/// Every move, in the order a round applies them to each finding: revisions of what exists come
/// before additions, so a later move sees the earlier one's proposal and builds on it.
enum RedesignMoves {
    static let all: [any RedesignMove] = [
        SingleOwnerMove(),
        AIOversightMove(),
        OutcomeMeasureMove(),
        IncentiveRebalanceMove(),
        GuardrailMove(),
        AIOutcomeMove(),
        IndependentAssuranceMove(),
        EscalationPathMove(),
        FeedbackLoopMove(),
        RiskGovernanceMove(),
        SignOffMove(),
    ]
}
