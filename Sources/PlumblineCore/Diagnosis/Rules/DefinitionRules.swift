/// SMART-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct IncompleteDefinitionRule: Rule {
    public let metadata = RuleMetadata(
        id: "SMART-01", title: "SMART-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// BSC-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct ScorecardBalanceRule: Rule {
    public let metadata = RuleMetadata(
        id: "BSC-01", title: "BSC-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}
