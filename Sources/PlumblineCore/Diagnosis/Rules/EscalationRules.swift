/// ESC-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct MissingEscalationRule: Rule {
    public let metadata = RuleMetadata(
        id: "ESC-01", title: "ESC-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// ESC-02: PLACEHOLDER — not implemented yet; produces no findings.
public struct BrokenEscalationPathRule: Rule {
    public let metadata = RuleMetadata(
        id: "ESC-02", title: "ESC-02", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}
