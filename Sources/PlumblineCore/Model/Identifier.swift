/// An id as the canvas format defines it, typed by the kind of entity it names.
///
/// Ids share one namespace across a canvas, but a reference names one kind of entity:
/// `Identifier<KPI>` and `Identifier<Participant>` keep a KPI id from being passed where a
/// participant is expected.
public struct Identifier<Entity>: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The id exactly as written in the canvas.
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public typealias ObjectiveID = Identifier<Objective>
public typealias ParticipantID = Identifier<Participant>
public typealias KPIID = Identifier<KPI>
public typealias MechanismID = Identifier<Mechanism>
public typealias FeedbackLoopID = Identifier<FeedbackLoop>
public typealias IncentiveID = Identifier<Incentive>
public typealias RiskID = Identifier<Risk>

/// The kinds of entity that carry an id. They share one namespace in a canvas.
public enum EntityKind: String, Sendable, CaseIterable, CustomStringConvertible {
    case objective, participant, kpi, mechanism
    case feedbackLoop = "feedback loop"
    case incentive, risk

    public var description: String { rawValue }

    /// The top-level list that holds entities of this kind.
    public var section: String {
        switch self {
        case .objective: "objectives"
        case .participant: "participants"
        case .kpi: "kpis"
        case .mechanism: "mechanisms"
        case .feedbackLoop: "feedback_loops"
        case .incentive: "incentives"
        case .risk: "risks"
        }
    }

    /// "KPI", "feedback loop": for messages.
    public var displayName: String { self == .kpi ? "KPI" : rawValue }

    /// "a KPI", "an objective": for messages.
    public var withArticle: String {
        switch self {
        case .objective: "an objective"
        case .kpi: "a KPI"
        case .incentive: "an incentive"
        default: "a \(rawValue)"
        }
    }
}

extension Identifier {
    /// Whether `text` is a well-formed id: 1–64 characters of `a-z 0-9 - _ .`, starting with a
    /// letter or digit.
    public static func isWellFormed(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (1...64).contains(bytes.count), let first = bytes.first else { return false }
        func isAlnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        guard isAlnum(first) else { return false }
        return bytes.allSatisfy { isAlnum($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }
}
