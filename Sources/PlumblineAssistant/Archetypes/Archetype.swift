import PlumblineCore

/// A typical organisation of one industry: the objectives, participants, KPIs, incentives,
/// mechanisms, loops and exchanges a draft starts from before the description is laid over it.
/// Read from a data file in `Resources/archetypes/industries`.
public struct Archetype: Sendable, Decodable, Identifiable {
    public var id: String
    public var name: String
    /// Words and phrases that recognise the industry in a description.
    public var vocabulary: [String]
    public var objectives: [Entry<ObjectiveTemplate>]
    public var participants: [Entry<ParticipantTemplate>]
    public var kpis: [Entry<KPITemplate>]
    public var incentives: [Entry<IncentiveTemplate>]
    public var mechanisms: [Entry<MechanismTemplate>]
    public var feedbackLoops: [Entry<LoopTemplate>]
    public var valueExchanges: [Entry<ExchangeTemplate>]

    enum CodingKeys: String, CodingKey {
        case id, name, vocabulary, objectives, participants, kpis, incentives, mechanisms
        case feedbackLoops = "feedback_loops"
        case valueExchanges = "value_exchanges"
    }
}

// MARK: - Entries

/// One archetype entry, with the canvas kind it belongs to when it does not belong to both.
public struct Entry<Template: Decodable & Sendable>: Sendable, Decodable {
    public var template: Template
    /// `network` or `misalignment`; nil for both kinds.
    public var only: String?

    enum CodingKeys: String, CodingKey { case only }

    public init(from decoder: any Decoder) throws {
        template = try Template(from: decoder)
        only = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .only)
    }

    /// Whether the entry belongs in a canvas of `kind`.
    public func applies(to kind: CanvasKind) -> Bool {
        switch only {
        case "network": kind == .accountabilityNetwork
        case "misalignment": kind == .kpiMisalignment
        default: true
        }
    }
}

extension Archetype {
    /// The entries that belong in a canvas of `kind`, templates only.
    func templates<T>(_ entries: [Entry<T>], for kind: CanvasKind) -> [T] {
        entries.filter { $0.applies(to: kind) }.map(\.template)
    }
}

// MARK: - Templates (canvas format field names)

public struct ObjectiveTemplate: Sendable, Decodable {
    public var id: String
    public var statement: String
    public var horizon: Horizon?
    public var priority: Int?
}

public struct ParticipantTemplate: Sendable, Decodable {
    public var id: String
    public var name: String
    public var type: String
    public var decides: [String]?
    public var escalatesTo: String?
    public var reportsTo: String?

    enum CodingKeys: String, CodingKey {
        case id, name, type, decides
        case escalatesTo = "escalates_to"
        case reportsTo = "reports_to"
    }
}

/// A KPI of the knowledge base (`kpi` is its id), placed in the archetype's organisation.
public struct KPITemplate: Sendable, Decodable {
    public var kpi: String
    public var serves: [String]
    public var accountable: String
    public var drives: [String]?
    public var measuredBy: String?

    enum CodingKeys: String, CodingKey {
        case kpi, serves, accountable, drives
        case measuredBy = "measured_by"
    }
}

public struct IncentiveTemplate: Sendable, Decodable {
    public var id: String
    public var recipient: String
    public var kind: String
    public var tiedTo: [String]
    public var weight: Double?
    public var shape: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, weight, shape
        case recipient = "for"
        case tiedTo = "tied_to"
    }
}

public struct MechanismTemplate: Sendable, Decodable {
    public var id: String
    public var name: String?
    public var kind: String
    public var owner: String?
    public var covers: [String]?
    public var cadence: String?
    public var trigger: String?
    public var within: String?
}

public struct LoopTemplate: Sendable, Decodable {
    public var id: String
    public var kpis: [String]
    public var reportedTo: [String]?
    public var actedOnBy: [String]?
    public var cadence: String?
    public var channel: String?

    enum CodingKeys: String, CodingKey {
        case id, kpis, cadence, channel
        case reportedTo = "reported_to"
        case actedOnBy = "acted_on_by"
    }
}

public struct ExchangeTemplate: Sendable, Decodable {
    public var from: String
    public var to: String
    public var value: String
    public var kind: String?
}

/// A team or role a description can name (`functions.yaml`).
public struct FunctionRole: Sendable, Decodable, Identifiable {
    public var id: String
    public var name: String
    public var type: String
    /// How people write it: "sales team", "reps", "call centre".
    public var words: [String]
    /// The knowledge base's `function` values whose KPIs this role usually owns.
    public var knowledge: [String]
    public var decides: [String]
}
