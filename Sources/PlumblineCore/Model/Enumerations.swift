/// An enumeration of the canvas format: lower-case kebab-case values, listed in messages.
public protocol CanvasEnumeration: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String {
    /// What the value describes, for messages ("level", "direction").
    static var meaning: String { get }
}

extension CanvasEnumeration {
    /// Every allowed value, in the order the format lists them.
    public static var choices: [String] { allCases.map(\.rawValue) }
}

/// Which guided workflow a canvas follows.
public enum CanvasKind: String, CanvasEnumeration {
    case kpiMisalignment = "kpi-misalignment"
    case accountabilityNetwork = "accountability-network"
    public static let meaning = "canvas kind"
}

/// Horizon of an objective or of the time a KPI takes to show results.
public enum Horizon: String, CanvasEnumeration, Comparable {
    case short, medium, long
    public static let meaning = "horizon"
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    var rank: Int { Self.allCases.firstIndex(of: self)! }
}

public enum ParticipantType: String, CanvasEnumeration {
    case team, individual, partner, platform, oversight
    case aiSystem = "ai-system"
    case customer
    public static let meaning = "participant type"
}

/// Which way of a KPI's value is better.
public enum Direction: String, CanvasEnumeration {
    case increase, decrease, range
    public static let meaning = "direction"
}

/// Position of a KPI in the results chain, from what goes in to the change it makes.
public enum ResultLevel: String, CanvasEnumeration, Comparable {
    case input, activity, output, outcome, impact
    public static let meaning = "level"
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    var rank: Int { Self.allCases.firstIndex(of: self)! }
    /// Outcome and impact measures show results; the others show effort.
    public var isResult: Bool { self == .outcome || self == .impact }
}

/// Balanced-scorecard perspective.
public enum Perspective: String, CanvasEnumeration {
    case financial, customer, process, learning
    public static let meaning = "perspective"
}

/// How often a KPI is measured.
public enum Frequency: String, CanvasEnumeration, Comparable {
    case daily, weekly, monthly, quarterly, yearly
    public static let meaning = "frequency"
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    public var rank: Int { Self.allCases.firstIndex(of: self)! }
}

/// How often a mechanism or a loop runs; `on-trigger` runs when its trigger fires.
public enum Cadence: String, CanvasEnumeration {
    case daily, weekly, monthly, quarterly, yearly
    case onTrigger = "on-trigger"
    public static let meaning = "cadence"
    /// The matching measurement frequency, or nil for `on-trigger`.
    public var frequency: Frequency? { Frequency(rawValue: rawValue) }
}

public enum Scope: String, CanvasEnumeration {
    case individual, team, network
    public static let meaning = "scope"
}

/// The nine elements of the business model canvas.
public enum BusinessModelBlock: String, CanvasEnumeration {
    case customerSegments = "customer-segments"
    case valuePropositions = "value-propositions"
    case channels
    case customerRelationships = "customer-relationships"
    case revenueStreams = "revenue-streams"
    case keyResources = "key-resources"
    case keyActivities = "key-activities"
    case keyPartners = "key-partners"
    case costStructure = "cost-structure"
    public static let meaning = "business-model block"

    /// The element's name as people say it.
    public var title: String {
        rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }
}

/// What an AI system does with a KPI.
public enum AIRole: String, CanvasEnumeration {
    case none, collects, forecasts, optimizes, decides
    public static let meaning = "AI role"
}

public enum KPIStatus: String, CanvasEnumeration {
    case current, proposed, retired
    public static let meaning = "status"
}

public enum ValueKind: String, CanvasEnumeration {
    case financial, data, reputation, access, service
    case operationalSupport = "operational-support"
    case other
    public static let meaning = "value kind"
}

public enum MechanismKind: String, CanvasEnumeration {
    case review, audit
    case smartContract = "smart-contract"
    case governance, escalation
    case correctiveAction = "corrective-action"
    case sla
    public static let meaning = "mechanism kind"
}

public enum LoopChannel: String, CanvasEnumeration {
    case dashboard, report, review, alert, api
    public static let meaning = "channel"
}

public enum IncentiveKind: String, CanvasEnumeration {
    case reward, penalty, recognition
    public static let meaning = "incentive kind"
}

/// Payout curve of an incentive.
public enum PayoutShape: String, CanvasEnumeration {
    case linear, step, capped, deadline
    public static let meaning = "shape"
}

public enum RiskCategory: String, CanvasEnumeration {
    case dataIntegrity = "data-integrity"
    case misalignedIncentives = "misaligned-incentives"
    case unclearAuthority = "unclear-authority"
    case compliance, privacy, ai, other
    public static let meaning = "risk category"
}

public enum Rating: String, CanvasEnumeration, Comparable {
    case low, medium, high
    public static let meaning = "rating"
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    var rank: Int { Self.allCases.firstIndex(of: self)! }
}

public enum ReviewStatus: String, CanvasEnumeration {
    case pending, approved
    case changesRequested = "changes-requested"
    public static let meaning = "review status"
}
