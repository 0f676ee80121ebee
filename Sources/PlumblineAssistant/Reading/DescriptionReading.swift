import PlumblineCore

/// What the offline reader understood from a description, each item with the words that
/// produced it, so a draft can say why it contains what it contains.
public struct DescriptionReading: Sendable {
    /// The description as given.
    public var text: String
    /// The recognised industry's archetype id; nil when none was recognised.
    public var industry: String?
    /// "200 staff", "a large organisation".
    public var size: String?
    /// Team and role ids (`functions.yaml`) the description names, in order of first mention.
    public var teams: [String]
    /// Knowledge-base KPI ids named as measures in use.
    public var measures: [String]
    public var incentives: [NamedIncentive]
    public var aiSystems: [NamedAISystem]
    public var painPoints: [PainPoint]
    public var goals: [NamedGoal]
    /// Every recognition, in the order it was made: the phrase and what it was read as.
    public var recognitions: [Recognition]

    public init(text: String) {
        self.text = text
        teams = []
        measures = []
        incentives = []
        aiSystems = []
        painPoints = []
        goals = []
        recognitions = []
    }
}

/// One phrase of the description and what the reader took it to mean.
public struct Recognition: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case industry, size, team, measure, incentive
        case aiSystem = "ai system"
        case painPoint = "pain point"
        case goal
    }

    public var kind: Kind
    /// The words of the description, as written.
    public var phrase: String
    /// What they were read as, in plain language.
    public var meaning: String
}

/// "sales is paid on new sign-ups": a reward (or penalty) the description ties to measures.
public struct NamedIncentive: Sendable, Hashable {
    /// The team or role id it is paid to; nil when the description does not say.
    public var recipient: String?
    public var kind: IncentiveKind
    /// Knowledge-base KPI ids.
    public var tiedTo: [String]
    public var phrase: String
}

/// "an AI model scores leads": an AI system and what it does with which measure.
public struct NamedAISystem: Sendable, Hashable {
    public var name: String
    public var role: AIRole
    /// The knowledge-base KPI id it acts on, when the clause names one.
    public var measure: String?
    public var phrase: String
}

/// "churn has doubled": a measure going the wrong way.
public struct PainPoint: Sendable, Hashable {
    /// Knowledge-base KPI id.
    public var measure: String
    public var phrase: String
}

/// "our goal is to keep customers longer": an objective in the description's own words.
public struct NamedGoal: Sendable, Hashable {
    public var statement: String
    /// The knowledge base's objective theme, when one fits.
    public var theme: String?
    public var phrase: String
}
