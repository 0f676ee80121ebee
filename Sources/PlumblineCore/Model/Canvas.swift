/// A canvas: everything an organisation states about its objectives, measures, participants and
/// the ways they are held to account. Plain values; reading and writing live in `Format`.
public struct Canvas: Hashable, Sendable {
    /// The only format version this build reads and writes.
    public static let formatVersion = 1

    public var kind: CanvasKind
    /// The id written in the document; when absent, the file name stands in (see `CanvasDocument`).
    public var id: String?
    public var title: String
    public var summary: String?
    /// `industry`, `size`, `stage` and any other free strings the assistant can use.
    public var context: [String: String]
    public var objectives: [Objective]
    public var participants: [Participant]
    public var kpis: [KPI]
    public var valueExchanges: [ValueExchange]
    public var mechanisms: [Mechanism]
    public var feedbackLoops: [FeedbackLoop]
    public var incentives: [Incentive]
    public var risks: [Risk]
    public var reviews: [Review]
    public var data: [DataSource]
    public var settings: Settings
    public var extensions: Extensions

    public init(
        kind: CanvasKind, id: String? = nil, title: String, summary: String? = nil,
        context: [String: String] = [:], objectives: [Objective] = [],
        participants: [Participant] = [], kpis: [KPI] = [], valueExchanges: [ValueExchange] = [],
        mechanisms: [Mechanism] = [], feedbackLoops: [FeedbackLoop] = [],
        incentives: [Incentive] = [], risks: [Risk] = [], reviews: [Review] = [],
        data: [DataSource] = [], settings: Settings = Settings(), extensions: Extensions = []
    ) {
        self.kind = kind
        self.id = id
        self.title = title
        self.summary = summary
        self.context = context
        self.objectives = objectives
        self.participants = participants
        self.kpis = kpis
        self.valueExchanges = valueExchanges
        self.mechanisms = mechanisms
        self.feedbackLoops = feedbackLoops
        self.incentives = incentives
        self.risks = risks
        self.reviews = reviews
        self.data = data
        self.settings = settings
        self.extensions = extensions
    }

    /// KPIs in use now (status `current`).
    public var currentKPIs: [KPI] { kpis.filter { $0.status == .current } }
}
