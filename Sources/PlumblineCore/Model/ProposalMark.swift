/// The `x-proposed` mark of an entity that a redesign added to a canvas (misalignment canvas
/// step 6), kept in an `x-` field so the format carries it untouched.
///
/// ```yaml
/// x-proposed:
///   by: plumb suggest
///   answers: ['CHAIN-03:calls-per-rep,sales,sales-bonus,signups']
///   replaces: sales-bonus
///   rationale: Pay on the outcome the activity is meant to move.
/// ```
///
/// `answers` holds the fingerprints (rule id and sorted subjects) of the findings the proposal
/// answers, so a later redesign knows what was already answered. `replaces` names the team's
/// own entity of the same kind that the proposal would supersede when adopted: the proposal
/// then takes that entity's place and id (see `Canvas.adopted`). KPIs use the format's own
/// `status: proposed`, `replaces` and `rationale`; their mark's `replaces` says the proposal is
/// a revision of that one KPI, the same measure defined better.
public struct ProposalMark: Hashable, Sendable {
    /// The extension field that holds the mark.
    public static let field = "x-proposed"

    /// Who proposed it (`plumb suggest`, a person's name…).
    public var by: String
    /// Fingerprints of the findings it answers.
    public var answers: [String]
    /// The id of the team's entity it supersedes when adopted, if any.
    public var replaces: String?
    /// Why, for entities whose format has no `rationale` field.
    public var rationale: String?

    public init(by: String, answers: [String] = [], replaces: String? = nil, rationale: String? = nil) {
        self.by = by
        self.answers = answers
        self.replaces = replaces
        self.rationale = rationale
    }

    /// Reads the mark from an entity's extensions; nil when there is none.
    public init?(_ extensions: Extensions) {
        guard let value = extensions.last(where: { $0.key == Self.field })?.value else { return nil }
        switch value {
        case .bool(true):
            self.init(by: "")
        case .map(let fields):
            func text(_ key: String) -> String? { fields.first { $0.key == key }?.value.string }
            var answers: [String] = []
            switch fields.first(where: { $0.key == "answers" })?.value {
            case .list(let items): answers = items.compactMap(\.string)
            case .string(let one): answers = [one]
            default: break
            }
            self.init(by: text("by") ?? "", answers: answers, replaces: text("replaces"), rationale: text("rationale"))
        default:
            return nil
        }
    }

    /// The mark as an extension field's value, in a stable order.
    public var value: PlainValue {
        var fields = [PlainField("by", .string(by))]
        if !answers.isEmpty { fields.append(PlainField("answers", .strings(answers))) }
        if let replaces { fields.append(PlainField("replaces", .string(replaces))) }
        if let rationale { fields.append(PlainField("rationale", .string(rationale))) }
        return .map(fields)
    }
}

extension Extensions {
    /// The proposal mark these extensions carry, if any.
    public var proposal: ProposalMark? {
        get { ProposalMark(self) }
        set {
            let at = firstIndex { $0.key == ProposalMark.field }
            removeAll { $0.key == ProposalMark.field }
            guard let newValue else { return }
            insert(PlainField(ProposalMark.field, newValue.value), at: Swift.min(at ?? count, count))
        }
    }
}
