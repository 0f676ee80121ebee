/// INC-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct SingleMeasureRewardRule: Rule {
    public let metadata = RuleMetadata(
        id: "INC-01", title: "INC-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// INC-02: PLACEHOLDER — not implemented yet; produces no findings.
public struct CliffPayoutRule: Rule {
    public let metadata = RuleMetadata(
        id: "INC-02", title: "INC-02", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// INC-03: PLACEHOLDER — not implemented yet; produces no findings.
public struct SelfMeasuredStakesRule: Rule {
    public let metadata = RuleMetadata(
        id: "INC-03", title: "INC-03", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// INC-04: PLACEHOLDER — not implemented yet; produces no findings.
public struct NeglectedPriorityRule: Rule {
    public let metadata = RuleMetadata(
        id: "INC-04", title: "INC-04", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}
