/// A diagnosis rule: one small type per rule id of RULES.md, registered in `RuleRegistry`.
public protocol Rule: Sendable {
    /// What the rule is, for `plumb rules`, `plumb explain` and reports.
    var metadata: RuleMetadata { get }
    /// The findings for one canvas. Severity is the default; the engine applies settings.
    func findings(in context: RuleContext) -> [Finding]
}

/// Families of rules, as RULES.md groups them.
public enum RuleCategory: String, Sendable, CaseIterable {
    case coverage, mapping
    case resultsChain = "results-chain"
    case horizon, pairing, conflict, accountability, escalation, governance
    case feedback, incentives, ai, definition, balance
    case valueExchange = "value-exchange"
    case validation, data
}

/// A rule's tunable number, set per canvas under `settings.rules.<ID>`.
public struct RuleParameter: Sendable, Hashable {
    public var name: String
    public var defaultValue: Double
    public var summary: String
    public init(_ name: String, default defaultValue: Double, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// Everything said about a rule apart from its logic.
public struct RuleMetadata: Sendable, Hashable {
    public var id: String
    public var title: String
    public var category: RuleCategory
    public var defaultSeverity: Severity
    /// One line: when it fires.
    public var summary: String
    /// What it checks, in a paragraph.
    public var checks: String
    /// Why it matters, citing the idea it rests on.
    public var rationale: String
    /// How to fix what it finds.
    public var remedy: String
    public var parameters: [RuleParameter]
    /// The canvas kind the rule is limited to, or nil when it runs on every canvas.
    public var onlyFor: CanvasKind?

    public init(
        id: String, title: String, category: RuleCategory, severity: Severity, summary: String, checks: String,
        rationale: String, remedy: String, parameters: [RuleParameter] = [], onlyFor: CanvasKind? = nil
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.defaultSeverity = severity
        self.summary = summary
        self.checks = checks
        self.rationale = rationale
        self.remedy = remedy
        self.parameters = parameters
        self.onlyFor = onlyFor
    }
}

extension Rule {
    /// A finding of this rule at its default severity.
    public func finding(
        _ message: String, subjects: [String], evidence: Evidence = Evidence(), fix: Fix, severity: Severity? = nil
    ) -> Finding {
        Finding(
            rule: metadata.id, severity: severity ?? metadata.defaultSeverity, message: message, subjects: subjects,
            evidence: evidence, fix: fix)
    }
}
