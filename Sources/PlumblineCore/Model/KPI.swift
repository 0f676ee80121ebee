/// A performance measure, current or proposed (canvas steps 2, 3, 5 and 6).
public struct KPI: Hashable, Sendable, Identifiable {
    public var id: KPIID
    public var name: String
    public var formula: String?
    public var unit: String?
    public var direction: Direction?
    public var target: Target?
    public var level: ResultLevel?
    public var perspective: Perspective?
    public var horizon: Horizon?
    public var frequency: Frequency?
    public var scope: Scope?
    /// Business-model elements it measures.
    public var blocks: [BusinessModelBlock]
    /// Objectives it is meant to move.
    public var serves: [ObjectiveID]
    /// KPIs it is believed to lead.
    public var drives: [KPIID]
    /// Who answers for it. Exactly one is healthy; the format lets a canvas state the muddle it has.
    public var accountable: [ParticipantID]
    public var responsible: [ParticipantID]
    public var consulted: [ParticipantID]
    public var informed: [ParticipantID]
    /// Data source or system of record.
    public var source: String?
    /// Who produces the reported numbers.
    public var measuredBy: ParticipantID?
    public var ai: AIInvolvement?
    public var status: KPIStatus
    public var replaces: [KPIID]
    /// Declared counter-measures (guardrails).
    public var pairsWith: [KPIID]
    public var rationale: String?
    public var extensions: Extensions

    public init(
        id: KPIID, name: String, formula: String? = nil, unit: String? = nil,
        direction: Direction? = nil, target: Target? = nil, level: ResultLevel? = nil,
        perspective: Perspective? = nil, horizon: Horizon? = nil, frequency: Frequency? = nil,
        scope: Scope? = nil, blocks: [BusinessModelBlock] = [], serves: [ObjectiveID] = [],
        drives: [KPIID] = [], accountable: [ParticipantID] = [], responsible: [ParticipantID] = [],
        consulted: [ParticipantID] = [], informed: [ParticipantID] = [], source: String? = nil,
        measuredBy: ParticipantID? = nil, ai: AIInvolvement? = nil, status: KPIStatus = .current,
        replaces: [KPIID] = [], pairsWith: [KPIID] = [], rationale: String? = nil,
        extensions: Extensions = []
    ) {
        self.id = id
        self.name = name
        self.formula = formula
        self.unit = unit
        self.direction = direction
        self.target = target
        self.level = level
        self.perspective = perspective
        self.horizon = horizon
        self.frequency = frequency
        self.scope = scope
        self.blocks = blocks
        self.serves = serves
        self.drives = drives
        self.accountable = accountable
        self.responsible = responsible
        self.consulted = consulted
        self.informed = informed
        self.source = source
        self.measuredBy = measuredBy
        self.ai = ai
        self.status = status
        self.replaces = replaces
        self.pairsWith = pairsWith
        self.rationale = rationale
        self.extensions = extensions
    }

    /// Every participant named on this KPI in any role.
    public var namedParticipants: Set<ParticipantID> {
        Set(accountable + responsible + consulted + informed)
    }
}

/// A KPI's target: one number, or a band for `range` KPIs.
public enum Target: Hashable, Sendable {
    case value(Double)
    case band(min: Double?, max: Double?)
}

/// How an AI system takes part in a KPI (canvas step 5).
public struct AIInvolvement: Hashable, Sendable {
    public var role: AIRole?
    /// The AI system, a participant of type `ai-system`.
    public var system: ParticipantID?
    /// Whether a human can override what the AI does with this measure.
    public var humanOverride: Bool?
    public var extensions: Extensions

    public init(
        role: AIRole? = nil, system: ParticipantID? = nil, humanOverride: Bool? = nil,
        extensions: Extensions = []
    ) {
        self.role = role
        self.system = system
        self.humanOverride = humanOverride
        self.extensions = extensions
    }
}
