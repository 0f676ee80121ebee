/// How severe a finding is.
public enum Severity: String, CanvasEnumeration, Comparable {
    case error, warning, info
    public static let meaning = "severity"
    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// Rule configuration of a canvas: rules switched off, severities changed, parameters set and
/// findings accepted with a reason.
public struct Settings: Hashable, Sendable {
    public var rules: [RuleSetting]
    public var waive: [Waiver]
    public var extensions: Extensions

    public init(rules: [RuleSetting] = [], waive: [Waiver] = [], extensions: Extensions = []) {
        self.rules = rules
        self.waive = waive
        self.extensions = extensions
    }

    public var isEmpty: Bool { rules.isEmpty && waive.isEmpty && extensions.isEmpty }

    /// The setting for one rule, if the canvas has one.
    public func rule(_ id: String) -> RuleSetting? { rules.first { $0.ruleID == id } }
}

/// One entry of `settings.rules`.
public struct RuleSetting: Hashable, Sendable {
    public var ruleID: String
    /// False when the rule is switched off.
    public var enabled: Bool
    /// A severity replacing the rule's default.
    public var severity: Severity?
    /// Rule parameters (`max`, `max_share`, `min_weight`, `q`…), in written order.
    public var parameters: [PlainField]

    public init(
        ruleID: String, enabled: Bool = true, severity: Severity? = nil, parameters: [PlainField] = []
    ) {
        self.ruleID = ruleID
        self.enabled = enabled
        self.severity = severity
        self.parameters = parameters
    }

    /// The numeric value of a parameter, if set.
    public func number(_ name: String) -> Double? {
        parameters.first { $0.key == name }?.value.number
    }
}

/// An accepted finding: reported as waived, never as a failure.
public struct Waiver: Hashable, Sendable {
    public var rule: String
    /// Every id listed must be among the finding's subjects.
    public var subjects: [String]
    public var reason: String
    public var extensions: Extensions

    public init(rule: String, subjects: [String] = [], reason: String, extensions: Extensions = []) {
        self.rule = rule
        self.subjects = subjects
        self.reason = reason
        self.extensions = extensions
    }
}
