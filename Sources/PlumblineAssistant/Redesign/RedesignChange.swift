import PlumblineCore

/// One change a redesign made, and the finding it answers.
public struct RedesignChange: Hashable, Sendable {
    /// What kind of entity was added or proposed.
    public enum Entity: String, Sendable, Hashable {
        case kpi = "KPI"
        case kpiRevision = "KPI revision"
        case incentiveRevision = "incentive revision"
        case mechanism
        case mechanismRevision = "mechanism revision"
        case feedbackLoop = "feedback loop"
        case feedbackLoopRevision = "feedback loop revision"
        case riskRevision = "risk revision"
        case review
        case participant
    }

    /// The rule of the finding answered.
    public var rule: String
    /// The finding's fingerprint (rule and sorted subjects).
    public var fingerprint: String
    /// The finding's message, as the diagnosis wrote it.
    public var finding: String
    public var entity: Entity
    /// The id of the added entity (for reviews, the reviewer).
    public var id: String
    /// What was added or changed in the proposal, in one line.
    public var action: String

    public init(finding: Finding, entity: Entity, id: String, action: String) {
        self.rule = finding.rule
        self.fingerprint = finding.fingerprint
        self.finding = finding.message
        self.entity = entity
        self.id = id
        self.action = action
    }
}
