/// Lookup by id over a canvas, built once so rules and renderers never scan lists.
public struct CanvasIndex: Sendable {
    public let canvas: Canvas
    private let objectiveAt: [ObjectiveID: Int]
    private let participantAt: [ParticipantID: Int]
    private let kpiAt: [KPIID: Int]
    private let mechanismAt: [MechanismID: Int]
    private let loopAt: [FeedbackLoopID: Int]
    private let incentiveAt: [IncentiveID: Int]
    private let riskAt: [RiskID: Int]
    /// The kind of entity each id names.
    public let kinds: [String: EntityKind]

    public init(_ canvas: Canvas) {
        self.canvas = canvas
        func positions<E: Identifiable>(_ list: [E]) -> [E.ID: Int] {
            var map = [E.ID: Int](minimumCapacity: list.count)
            for (i, e) in list.enumerated() where map[e.id] == nil { map[e.id] = i }
            return map
        }
        objectiveAt = positions(canvas.objectives)
        participantAt = positions(canvas.participants)
        kpiAt = positions(canvas.kpis)
        mechanismAt = positions(canvas.mechanisms)
        loopAt = positions(canvas.feedbackLoops)
        incentiveAt = positions(canvas.incentives)
        riskAt = positions(canvas.risks)
        var kinds = [String: EntityKind]()
        for o in canvas.objectives { kinds[o.id.rawValue] = .objective }
        for p in canvas.participants { kinds[p.id.rawValue] = .participant }
        for k in canvas.kpis { kinds[k.id.rawValue] = .kpi }
        for m in canvas.mechanisms { kinds[m.id.rawValue] = .mechanism }
        for l in canvas.feedbackLoops { kinds[l.id.rawValue] = .feedbackLoop }
        for i in canvas.incentives { kinds[i.id.rawValue] = .incentive }
        for r in canvas.risks { kinds[r.id.rawValue] = .risk }
        self.kinds = kinds
    }

    public subscript(id: ObjectiveID) -> Objective? { objectiveAt[id].map { canvas.objectives[$0] } }
    public subscript(id: ParticipantID) -> Participant? {
        participantAt[id].map { canvas.participants[$0] }
    }
    public subscript(id: KPIID) -> KPI? { kpiAt[id].map { canvas.kpis[$0] } }
    public subscript(id: MechanismID) -> Mechanism? { mechanismAt[id].map { canvas.mechanisms[$0] } }
    public subscript(id: FeedbackLoopID) -> FeedbackLoop? {
        loopAt[id].map { canvas.feedbackLoops[$0] }
    }
    public subscript(id: IncentiveID) -> Incentive? { incentiveAt[id].map { canvas.incentives[$0] } }
    public subscript(id: RiskID) -> Risk? { riskAt[id].map { canvas.risks[$0] } }

    /// Position of a KPI in `canvas.kpis`, for paths like `kpis[3]`.
    public func position(of id: KPIID) -> Int? { kpiAt[id] }
    public func position(of id: ParticipantID) -> Int? { participantAt[id] }
    public func position(of id: ObjectiveID) -> Int? { objectiveAt[id] }
}
