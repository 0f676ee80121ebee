/// Every diagnosis rule, in the order RULES.md lists them. Adding a rule means writing its type
/// in `Rules/` and adding it here. `RuleIDs.all` lists every public id; the ones not yet
/// registered are `RuleRegistry.pending`.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        UnservedObjectiveRule(),
        UnmeasuredBlockRule(),
        MeasurementConcentrationRule(),
        OrphanKPIRule(),
        NoOutcomeMeasureRule(),
        NoLeadingIndicatorRule(),
        EffortOnlyIncentiveRule(),
        ShortHorizonRule(),
        MissingCounterMeasureRule(),
        OpposedIncentivesRule(),
        SiloRule(),
        AccountableOwnerRule(),
        AccountabilityWithoutAuthorityRule(),
        AccountabilityOverloadRule(),
        RolelessParticipantRule(),
        MissingEscalationRule(),
        BrokenEscalationPathRule(),
        IndependentOversightRule(),
        UnsupervisedAIRule(),
        UngovernedRiskRule(),
        OpenLoopRule(),
        SlowLoopRule(),
        SingleMeasureRewardRule(),
        CliffPayoutRule(),
        SelfMeasuredStakesRule(),
        NeglectedPriorityRule(),
        AIActivityMeasureRule(),
        ModelQualityWithoutBusinessRule(),
        IncompleteDefinitionRule(),
        ScorecardBalanceRule(),
        OneWayValueRule(),
        MissingSignOffRule(),
        OrphanedIncentiveRule(),
        // Data rules: run when KPI values are loaded.
        TargetBunchingRule(),
        PeriodEndPushRule(),
        LastDigitRule(),
        LocalGainGlobalHarmRule(),
        IncentiveDecouplingRule(),
        UnsupportedDriverRule(),
        TooGoodToBeTrueRule(),
        StaleKPIRule(),
        MiscalibratedTargetRule(),
        HiddenTradeOffRule(),
    ]

    /// Public rule ids (RULES.md) that no registered rule implements yet.
    public static var pending: [String] {
        let registered = Set(all.map(\.metadata.id))
        return RuleIDs.all.filter { !registered.contains($0) }
    }

    private static let positions: [String: Int] = {
        var map: [String: Int] = [:]
        for (i, id) in RuleIDs.all.enumerated() { map[id] = i }
        return map
    }()

    /// A rule's place in RULES.md's order, for sorting findings.
    public static func position(of id: String) -> Int { positions[id] ?? Int.max }

    /// The rule with this id, if registered.
    public static func rule(_ id: String) -> (any Rule)? { all.first { $0.metadata.id == id } }
}
