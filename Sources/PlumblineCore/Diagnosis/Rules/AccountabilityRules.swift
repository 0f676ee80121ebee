/// ACC-01: PLACEHOLDER — not implemented yet; produces no findings.
public struct AccountableOwnerRule: Rule {
    public let metadata = RuleMetadata(
        id: "ACC-01", title: "ACC-01", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// ACC-02: PLACEHOLDER — not implemented yet; produces no findings.
public struct AccountabilityWithoutAuthorityRule: Rule {
    public let metadata = RuleMetadata(
        id: "ACC-02", title: "ACC-02", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// ACC-03: PLACEHOLDER — not implemented yet; produces no findings.
public struct AccountabilityOverloadRule: Rule {
    public let metadata = RuleMetadata(
        id: "ACC-03", title: "ACC-03", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}

/// ACC-04: PLACEHOLDER — not implemented yet; produces no findings.
public struct RolelessParticipantRule: Rule {
    public let metadata = RuleMetadata(
        id: "ACC-04", title: "ACC-04", category: .coverage, severity: .warning, summary: "Not implemented yet.",
        checks: "", rationale: "", remedy: "")
    public init() {}
    public func findings(in context: RuleContext) -> [Finding] { [] }
}
