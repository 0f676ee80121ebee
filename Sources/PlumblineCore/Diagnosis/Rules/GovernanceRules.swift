/// GOV-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct IndependentOversightRule: Rule {
    public let metadata = RuleMetadata(
        id: "GOV-01", title: "GOV-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// GOV-02: PLACEHOLDER — not implemented yet; produces no findings.
public struct UnsupervisedAIRule: Rule {
    public let metadata = RuleMetadata(
        id: "GOV-02", title: "GOV-02", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// GOV-03: PLACEHOLDER — not implemented yet; produces no findings.
public struct UngovernedRiskRule: Rule {
    public let metadata = RuleMetadata(
        id: "GOV-03", title: "GOV-03", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}
