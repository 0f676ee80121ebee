/// AI-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct AIActivityMeasureRule: Rule {
    public let metadata = RuleMetadata(
        id: "AI-01", title: "AI-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// AI-02: PLACEHOLDER — not implemented yet; produces no findings.
public struct ModelQualityWithoutBusinessRule: Rule {
    public let metadata = RuleMetadata(
        id: "AI-02", title: "AI-02", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}
