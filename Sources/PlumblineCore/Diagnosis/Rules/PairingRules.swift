/// PAIR-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct MissingCounterMeasureRule: Rule {
    public let metadata = RuleMetadata(
        id: "PAIR-01", title: "PAIR-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// CONF-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct OpposedIncentivesRule: Rule {
    public let metadata = RuleMetadata(
        id: "CONF-01", title: "CONF-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// CONF-02: PLACEHOLDER — not implemented yet; produces no findings.
public struct SiloRule: Rule {
    public let metadata = RuleMetadata(
        id: "CONF-02", title: "CONF-02", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}
