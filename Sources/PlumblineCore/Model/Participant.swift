/// Someone who owns, acts on or oversees performance: a team, a person, a partner, a platform,
/// an AI system, an oversight body or the customer.
public struct Participant: Hashable, Sendable, Identifiable {
    public var id: ParticipantID
    public var name: String
    public var type: ParticipantType
    /// Reporting line.
    public var reportsTo: ParticipantID?
    /// Where problems go when this participant cannot resolve them.
    public var escalatesTo: ParticipantID?
    /// Decision rights: the levers this participant controls.
    public var decides: [String]
    /// Where its accountability begins and ends.
    public var responsibilities: [String]
    public var extensions: Extensions

    public init(
        id: ParticipantID, name: String, type: ParticipantType, reportsTo: ParticipantID? = nil,
        escalatesTo: ParticipantID? = nil, decides: [String] = [], responsibilities: [String] = [],
        extensions: Extensions = []
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.reportsTo = reportsTo
        self.escalatesTo = escalatesTo
        self.decides = decides
        self.responsibilities = responsibilities
        self.extensions = extensions
    }
}
