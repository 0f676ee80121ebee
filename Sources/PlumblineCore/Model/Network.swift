/// Value one participant delivers to another (network canvas step 2).
public struct ValueExchange: Hashable, Sendable {
    public var from: ParticipantID
    public var to: ParticipantID
    public var value: String
    public var kind: ValueKind?
    public var extensions: Extensions

    public init(
        from: ParticipantID, to: ParticipantID, value: String, kind: ValueKind? = nil,
        extensions: Extensions = []
    ) {
        self.from = from
        self.to = to
        self.value = value
        self.kind = kind
        self.extensions = extensions
    }
}

/// Something a mechanism holds to account: a KPI or a participant.
public enum Coverage: Hashable, Sendable {
    case kpi(KPIID)
    case participant(ParticipantID)

    public var rawValue: String {
        switch self {
        case .kpi(let id): id.rawValue
        case .participant(let id): id.rawValue
        }
    }
}

/// An accountability mechanism: review, audit, smart contract, governance body, escalation,
/// corrective action or service-level agreement (network canvas step 4).
public struct Mechanism: Hashable, Sendable, Identifiable {
    public var id: MechanismID
    public var name: String?
    public var kind: MechanismKind
    public var owner: ParticipantID?
    public var covers: [Coverage]
    public var cadence: Cadence?
    public var trigger: String?
    public var escalatesTo: ParticipantID?
    /// Time allowed to respond.
    public var within: TimeSpan?
    public var extensions: Extensions

    public init(
        id: MechanismID, name: String? = nil, kind: MechanismKind, owner: ParticipantID? = nil,
        covers: [Coverage] = [], cadence: Cadence? = nil, trigger: String? = nil,
        escalatesTo: ParticipantID? = nil, within: TimeSpan? = nil, extensions: Extensions = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.owner = owner
        self.covers = covers
        self.cadence = cadence
        self.trigger = trigger
        self.escalatesTo = escalatesTo
        self.within = within
        self.extensions = extensions
    }

    /// The KPIs this mechanism covers.
    public var coveredKPIs: [KPIID] {
        covers.compactMap { if case .kpi(let id) = $0 { id } else { nil } }
    }

    /// The participants this mechanism covers.
    public var coveredParticipants: [ParticipantID] {
        covers.compactMap { if case .participant(let id) = $0 { id } else { nil } }
    }
}

/// How performance data reaches the people who act on it (network canvas step 5).
public struct FeedbackLoop: Hashable, Sendable, Identifiable {
    public var id: FeedbackLoopID
    public var kpis: [KPIID]
    public var collectedBy: ParticipantID?
    public var reportedTo: [ParticipantID]
    /// Who changes course in response.
    public var actedOnBy: [ParticipantID]
    public var cadence: Cadence?
    public var channel: LoopChannel?
    public var extensions: Extensions

    public init(
        id: FeedbackLoopID, kpis: [KPIID], collectedBy: ParticipantID? = nil,
        reportedTo: [ParticipantID] = [], actedOnBy: [ParticipantID] = [], cadence: Cadence? = nil,
        channel: LoopChannel? = nil, extensions: Extensions = []
    ) {
        self.id = id
        self.kpis = kpis
        self.collectedBy = collectedBy
        self.reportedTo = reportedTo
        self.actedOnBy = actedOnBy
        self.cadence = cadence
        self.channel = channel
        self.extensions = extensions
    }
}

/// A reward, penalty or recognition that depends on measures (network canvas step 6).
public struct Incentive: Hashable, Sendable, Identifiable {
    public var id: IncentiveID
    /// Who receives it.
    public var recipient: ParticipantID
    public var kind: IncentiveKind
    public var tiedTo: [KPIID]
    /// Share (0–1) of the participant's variable reward tied to these measures.
    public var weight: Double?
    public var shape: PayoutShape?
    public var since: CalendarDate?
    public var extensions: Extensions

    public init(
        id: IncentiveID, recipient: ParticipantID, kind: IncentiveKind, tiedTo: [KPIID],
        weight: Double? = nil, shape: PayoutShape? = nil, since: CalendarDate? = nil,
        extensions: Extensions = []
    ) {
        self.id = id
        self.recipient = recipient
        self.kind = kind
        self.tiedTo = tiedTo
        self.weight = weight
        self.shape = shape
        self.since = since
        self.extensions = extensions
    }
}

/// A risk and how it is governed (network canvas step 7).
public struct Risk: Hashable, Sendable, Identifiable {
    public var id: RiskID
    public var category: RiskCategory
    public var description: String
    public var likelihood: Rating?
    public var impact: Rating?
    public var owner: ParticipantID?
    public var mitigatedBy: [MechanismID]
    public var extensions: Extensions

    public init(
        id: RiskID, category: RiskCategory, description: String, likelihood: Rating? = nil,
        impact: Rating? = nil, owner: ParticipantID? = nil, mitigatedBy: [MechanismID] = [],
        extensions: Extensions = []
    ) {
        self.id = id
        self.category = category
        self.description = description
        self.likelihood = likelihood
        self.impact = impact
        self.owner = owner
        self.mitigatedBy = mitigatedBy
        self.extensions = extensions
    }
}

/// A stakeholder's review of the canvas (misalignment canvas step 7).
public struct Review: Hashable, Sendable {
    public var by: ParticipantID
    public var status: ReviewStatus
    public var on: CalendarDate?
    public var note: String?
    public var extensions: Extensions

    public init(
        by: ParticipantID, status: ReviewStatus, on: CalendarDate? = nil, note: String? = nil,
        extensions: Extensions = []
    ) {
        self.by = by
        self.status = status
        self.on = on
        self.note = note
        self.extensions = extensions
    }
}
