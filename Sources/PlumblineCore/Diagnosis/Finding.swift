/// One problem the diagnosis found: which rule, how severe, what it concerns, the evidence that
/// made it fire, and what to do about it.
public struct Finding: Hashable, Sendable {
    public var rule: String
    public var severity: Severity
    /// One line in plain language.
    public var message: String
    /// The ids of the objectives, KPIs, participants, … it concerns, most important first.
    public var subjects: [String]
    public var evidence: Evidence
    public var fix: Fix
    /// Set when a waiver in the canvas's settings accepts this finding.
    public var waiver: Waiver?
    /// For statistical findings: the test's p-value. The engine keeps the finding only if it
    /// survives Benjamini–Hochberg control across every test of the run.
    public var pValue: Double?
    /// True for a data rule's refusal to judge ("not enough data"), which is a note, not a verdict.
    public var isNotEnoughData = false

    public init(
        rule: String, severity: Severity, message: String, subjects: [String], evidence: Evidence = Evidence(),
        fix: Fix, waiver: Waiver? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.subjects = subjects
        self.evidence = evidence
        self.fix = fix
        self.waiver = waiver
    }

    /// Stable identity across runs and edits: the rule and the sorted subjects.
    public var fingerprint: String { rule + ":" + subjects.sorted().joined(separator: ",") }

    /// Whether the finding counts against the canvas (waived findings do not).
    public var isActive: Bool { waiver == nil }
}

/// What made a rule fire: facts with their values, and, for graph rules, the path followed.
public struct Evidence: Hashable, Sendable {
    /// Named facts in the order a reader should see them ("KPIs serving it": 3).
    public var facts: [PlainField]
    /// A path through the canvas, e.g. an escalation chain `sales → ops → sales`.
    public var path: [String]

    public init(facts: [PlainField] = [], path: [String] = []) {
        self.facts = facts
        self.path = path
    }

    public init(_ facts: KeyValuePairs<String, PlainValue>, path: [String] = []) {
        self.facts = facts.map { PlainField($0.key, $0.value) }
        self.path = path
    }

    public var isEmpty: Bool { facts.isEmpty && path.isEmpty }
}

/// The concrete change that would resolve a finding.
public struct Fix: Hashable, Sendable {
    /// What to do, in plain language, naming the exact KPI or change where it is known.
    public var text: String
    /// Knowledge-base KPI ids worth adding (used by the assistant's redesign step).
    public var knowledgeKPIs: [String]

    public init(_ text: String, knowledgeKPIs: [String] = []) {
        self.text = text
        self.knowledgeKPIs = knowledgeKPIs
    }
}

extension PlainValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByArrayLiteral, ExpressibleByBooleanLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(arrayLiteral elements: PlainValue...) { self = .list(elements) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// A list of ids or names.
    public static func strings(_ values: some Sequence<some CustomStringConvertible>) -> PlainValue {
        .list(values.map { .string($0.description) })
    }
}
