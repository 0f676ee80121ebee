/// LOOP-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct OpenLoopRule: Rule {
    public let metadata = RuleMetadata(
        id: "LOOP-01", title: "LOOP-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// LOOP-02: PLACEHOLDER — not implemented yet; produces no findings.
public struct SlowLoopRule: Rule {
    public let metadata = RuleMetadata(
        id: "LOOP-02", title: "LOOP-02", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// VP-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct OneWayValueRule: Rule {
    public let metadata = RuleMetadata(
        id: "VP-01", title: "VP-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}
