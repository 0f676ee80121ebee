/// VAL-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct MissingSignOffRule: Rule {
    public let metadata = RuleMetadata(
        id: "VAL-01", title: "VAL-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// VAL-02: PLACEHOLDER — not implemented yet; produces no findings.
public struct OrphanedIncentiveRule: Rule {
    public let metadata = RuleMetadata(
        id: "VAL-02", title: "VAL-02", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}
