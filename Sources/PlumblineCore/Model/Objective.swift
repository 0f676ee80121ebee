/// A strategic objective: what the organisation is trying to achieve (canvas step 1).
public struct Objective: Hashable, Sendable, Identifiable {
    public var id: ObjectiveID
    public var statement: String
    public var horizon: Horizon?
    /// 1 is the highest priority.
    public var priority: Int?
    /// The KPIs that show whether this objective is achieved.
    public var outcome: [KPIID]
    public var extensions: Extensions

    public init(
        id: ObjectiveID, statement: String, horizon: Horizon? = nil, priority: Int? = nil,
        outcome: [KPIID] = [], extensions: Extensions = []
    ) {
        self.id = id
        self.statement = statement
        self.horizon = horizon
        self.priority = priority
        self.outcome = outcome
        self.extensions = extensions
    }
}
