/// A performance measure, current or proposed (canvas steps 2, 3, 5 and 6).
public struct KPI: Hashable, Sendable, Identifiable {
    /// The fields, shared by copies until one of them changes. Rules walk every KPI of a canvas
    /// many times over, and a KPI has two dozen fields, most of them reference-counted: a copy
    /// should cost one retain, not twenty.
    private var storage: Storage

    public var id: KPIID {
        get { storage.fields.id }
        set { update { $0.id = newValue } }
    }
    public var name: String {
        get { storage.fields.name }
        set { update { $0.name = newValue } }
    }
    public var formula: String? {
        get { storage.fields.formula }
        set { update { $0.formula = newValue } }
    }
    public var unit: String? {
        get { storage.fields.unit }
        set { update { $0.unit = newValue } }
    }
    public var direction: Direction? {
        get { storage.fields.direction }
        set { update { $0.direction = newValue } }
    }
    public var target: Target? {
        get { storage.fields.target }
        set { update { $0.target = newValue } }
    }
    public var level: ResultLevel? {
        get { storage.fields.level }
        set { update { $0.level = newValue } }
    }
    public var perspective: Perspective? {
        get { storage.fields.perspective }
        set { update { $0.perspective = newValue } }
    }
    public var horizon: Horizon? {
        get { storage.fields.horizon }
        set { update { $0.horizon = newValue } }
    }
    public var frequency: Frequency? {
        get { storage.fields.frequency }
        set { update { $0.frequency = newValue } }
    }
    public var scope: Scope? {
        get { storage.fields.scope }
        set { update { $0.scope = newValue } }
    }
    /// Business-model elements it measures.
    public var blocks: [BusinessModelBlock] {
        get { storage.fields.blocks }
        set { update { $0.blocks = newValue } }
    }
    /// Objectives it is meant to move.
    public var serves: [ObjectiveID] {
        get { storage.fields.serves }
        set { update { $0.serves = newValue } }
    }
    /// KPIs it is believed to lead.
    public var drives: [KPIID] {
        get { storage.fields.drives }
        set { update { $0.drives = newValue } }
    }
    /// Who answers for it. Exactly one is healthy; the format lets a canvas state the muddle it has.
    public var accountable: [ParticipantID] {
        get { storage.fields.accountable }
        set { update { $0.accountable = newValue } }
    }
    public var responsible: [ParticipantID] {
        get { storage.fields.responsible }
        set { update { $0.responsible = newValue } }
    }
    public var consulted: [ParticipantID] {
        get { storage.fields.consulted }
        set { update { $0.consulted = newValue } }
    }
    public var informed: [ParticipantID] {
        get { storage.fields.informed }
        set { update { $0.informed = newValue } }
    }
    /// Data source or system of record.
    public var source: String? {
        get { storage.fields.source }
        set { update { $0.source = newValue } }
    }
    /// Who produces the reported numbers.
    public var measuredBy: ParticipantID? {
        get { storage.fields.measuredBy }
        set { update { $0.measuredBy = newValue } }
    }
    public var ai: AIInvolvement? {
        get { storage.fields.ai }
        set { update { $0.ai = newValue } }
    }
    public var status: KPIStatus {
        get { storage.fields.status }
        set { update { $0.status = newValue } }
    }
    public var replaces: [KPIID] {
        get { storage.fields.replaces }
        set { update { $0.replaces = newValue } }
    }
    /// Declared counter-measures (guardrails).
    public var pairsWith: [KPIID] {
        get { storage.fields.pairsWith }
        set { update { $0.pairsWith = newValue } }
    }
    public var rationale: String? {
        get { storage.fields.rationale }
        set { update { $0.rationale = newValue } }
    }
    public var extensions: Extensions {
        get { storage.fields.extensions }
        set { update { $0.extensions = newValue } }
    }

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
        storage = Storage(
            Fields(
                id: id, name: name, formula: formula, unit: unit, direction: direction, target: target, level: level,
                perspective: perspective, horizon: horizon, frequency: frequency, scope: scope, blocks: blocks,
                serves: serves, drives: drives, accountable: accountable, responsible: responsible,
                consulted: consulted, informed: informed, source: source, measuredBy: measuredBy, ai: ai,
                status: status, replaces: replaces, pairsWith: pairsWith, rationale: rationale, extensions: extensions))
    }

    public static func == (a: KPI, b: KPI) -> Bool { a.storage === b.storage || a.storage.fields == b.storage.fields }

    public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

    /// Changes the fields, copying them first when another KPI value shares them.
    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        change(&storage.fields)
    }

    /// Every participant named on this KPI in any role.
    public var namedParticipants: Set<ParticipantID> {
        Set(accountable + responsible + consulted + informed)
    }
}

// MARK: - Storage

extension KPI {
    fileprivate struct Fields: Hashable, Sendable {
        var id: KPIID
        var name: String
        var formula: String?
        var unit: String?
        var direction: Direction?
        var target: Target?
        var level: ResultLevel?
        var perspective: Perspective?
        var horizon: Horizon?
        var frequency: Frequency?
        var scope: Scope?
        var blocks: [BusinessModelBlock]
        var serves: [ObjectiveID]
        var drives: [KPIID]
        var accountable: [ParticipantID]
        var responsible: [ParticipantID]
        var consulted: [ParticipantID]
        var informed: [ParticipantID]
        var source: String?
        var measuredBy: ParticipantID?
        var ai: AIInvolvement?
        var status: KPIStatus
        var replaces: [KPIID]
        var pairsWith: [KPIID]
        var rationale: String?
        var extensions: Extensions
    }

    /// Mutated only while uniquely referenced (see `update`), so sharing it between threads is safe.
    fileprivate final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
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
