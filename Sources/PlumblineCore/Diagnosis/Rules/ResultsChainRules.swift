/// MAP-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct OrphanKPIRule: Rule {
    public let metadata = RuleMetadata(
        id: "MAP-01", title: "MAP-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// CHAIN-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct NoOutcomeMeasureRule: Rule {
    public let metadata = RuleMetadata(
        id: "CHAIN-01", title: "CHAIN-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// CHAIN-02: PLACEHOLDER — not implemented yet; produces no findings.
public struct NoLeadingIndicatorRule: Rule {
    public let metadata = RuleMetadata(
        id: "CHAIN-02", title: "CHAIN-02", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// CHAIN-03: PLACEHOLDER — not implemented yet; produces no findings.
public struct EffortOnlyIncentiveRule: Rule {
    public let metadata = RuleMetadata(
        id: "CHAIN-03", title: "CHAIN-03", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// HOR-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct ShortHorizonRule: Rule {
    public let metadata = RuleMetadata(
        id: "HOR-01", title: "HOR-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}
