import Foundation
import Yams

/// A KPI the knowledge base knows: how it is usually defined, where it sits in the results
/// chain, how it fails when people game it.
public struct KnowledgeKPI: Sendable, Hashable, Decodable, Identifiable {
    public var id: String
    public var name: String
    public var synonyms: [String]
    public var function: String
    public var industries: [String]
    public var level: ResultLevel
    public var direction: Direction
    public var block: BusinessModelBlock
    public var perspective: Perspective
    public var frequency: Frequency
    public var horizon: Horizon
    public var unit: String
    public var formula: String
    /// How the measure goes wrong when it becomes a target.
    public var failureMode: String
    /// True for machine-learning model-quality metrics (accuracy, AUC, …).
    public var modelQuality: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, synonyms, function, industries, level, direction, block, perspective, frequency, horizon
        case unit, formula
        case failureMode = "failure_mode"
        case modelQuality = "model_quality"
    }
}

/// Two KPIs the literature knows belong together.
public struct KnowledgePair: Sendable, Hashable, Decodable {
    public enum Kind: String, Sendable, Decodable {
        /// `b` guards against gaming `a` (paired indicators).
        case counter
        /// `a` and `b` pull against each other when different parties own them.
        case conflict
    }

    public var kind: Kind
    public var a: String
    public var b: String
    public var reason: String
    public var source: String
}

/// A kind of strategic objective, recognised by its words, with the KPIs that show it achieved.
public struct ObjectiveTheme: Sendable, Hashable, Decodable, Identifiable {
    public var id: String
    public var name: String
    public var keywords: [String]
    public var outcomeKPIs: [String]
    public var leadingKPIs: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, keywords
        case outcomeKPIs = "outcome_kpis"
        case leadingKPIs = "leading_kpis"
    }
}

/// The curated catalogue of KPIs, counter-measures, conflicts and objective themes that the
/// rules, the suggestions and the generator draw on. Data files, bundled with the library.
public struct KnowledgeBase: Sendable {
    public let kpis: [KnowledgeKPI]
    public let pairs: [KnowledgePair]
    public let themes: [ObjectiveTheme]
    private let kpiAt: [String: Int]
    /// Pairs by KPI id, in file order: rules ask for every KPI of large canvases.
    private let countersOf: [String: [KnowledgePair]]
    private let conflictsOf: [String: [KnowledgePair]]
    let matcher: KPIMatcher

    public init(kpis: [KnowledgeKPI], pairs: [KnowledgePair], themes: [ObjectiveTheme]) {
        self.kpis = kpis
        self.pairs = pairs
        self.themes = themes
        var at: [String: Int] = [:]
        for (i, k) in kpis.enumerated() { at[k.id] = i }
        self.kpiAt = at
        var counters: [String: [KnowledgePair]] = [:], conflicts: [String: [KnowledgePair]] = [:]
        for pair in pairs {
            switch pair.kind {
            case .counter:
                counters[pair.a, default: []].append(pair)
            case .conflict:
                conflicts[pair.a, default: []].append(pair)
                if pair.b != pair.a { conflicts[pair.b, default: []].append(pair) }
            }
        }
        self.countersOf = counters
        self.conflictsOf = conflicts
        self.matcher = KPIMatcher(kpis)
    }

    /// A knowledge base that knows nothing: rules that need it stay quiet.
    public static let empty = KnowledgeBase(kpis: [], pairs: [], themes: [])

    public subscript(id: String) -> KnowledgeKPI? { kpiAt[id].map { kpis[$0] } }

    /// Counter-measures known for the KPI `id` (the `b` of counter pairs whose `a` it is).
    public func counters(of id: String) -> [KnowledgePair] { countersOf[id] ?? [] }

    /// Conflict pairs that involve `id` on either side.
    public func conflicts(involving id: String) -> [KnowledgePair] { conflictsOf[id] ?? [] }

    /// Which entry a canvas KPI is, and why; nil when nothing matches.
    public func match(_ kpi: KPI) -> KnowledgeMatch? { matcher.match(name: kpi.name, id: kpi.id.rawValue) }

    /// Which entry a name denotes; nil when nothing matches.
    public func match(name: String) -> KnowledgeMatch? { matcher.match(name: name, id: nil) }

    /// The objective theme whose keywords best fit a statement, if any.
    public func theme(for statement: String) -> ObjectiveTheme? {
        let text = " " + KPIMatcher.normalizedWords(statement).joined(separator: " ") + " "
        var best: (ObjectiveTheme, Int)? = nil
        for theme in themes {
            let hits = theme.keywords.reduce(0) { count, keyword in
                let k = KPIMatcher.normalizedWords(keyword).joined(separator: " ")
                return k.isEmpty || !text.contains(" \(k) ") ? count : count + k.split(separator: " ").count
            }
            if hits > 0, best == nil || hits > best!.1 { best = (theme, hits) }
        }
        return best?.0
    }

    // MARK: - Loading

    /// The knowledge base shipped with Plumbline.
    public static func bundled() throws -> KnowledgeBase {
        try load(from: Bundle.module.resourceURL!.appendingPathComponent("knowledge"))
    }

    /// Loads the knowledge base from a folder laid out like the bundled one.
    public static func load(from folder: URL) throws -> KnowledgeBase {
        let decoder = YAMLDecoder()
        let kpiFolder = folder.appendingPathComponent("kpis")
        let files = try FileManager.default.contentsOfDirectory(at: kpiFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        var kpis: [KnowledgeKPI] = []
        for file in files {
            kpis += try decoder.decode([KnowledgeKPI].self, from: String(contentsOf: file, encoding: .utf8))
        }
        let pairs = try decoder.decode(
            [KnowledgePair].self, from: String(contentsOf: folder.appendingPathComponent("pairs.yaml"), encoding: .utf8)
        )
        let themes = try decoder.decode(
            [ObjectiveTheme].self,
            from: String(contentsOf: folder.appendingPathComponent("objectives.yaml"), encoding: .utf8))
        return KnowledgeBase(kpis: kpis, pairs: pairs, themes: themes)
    }
}

/// Which knowledge-base entry a canvas KPI was matched to, and on what words.
public struct KnowledgeMatch: Sendable, Hashable {
    public enum Basis: String, Sendable {
        /// The whole name is the entry's name or one of its synonyms.
        case name
        /// The KPI's id spells the entry's name or a synonym.
        case id
        /// The name contains the entry's name or a synonym as a phrase.
        case phrase
    }

    public var entry: KnowledgeKPI
    /// The entry name or synonym that matched, as the knowledge base writes it.
    public var matchedTerm: String
    public var basis: Basis

    /// "matched 'AHT' (a synonym of Average handle time) in the name"
    public var explanation: String {
        let term = matchedTerm == entry.name ? "'\(entry.name)'" : "'\(matchedTerm)' (a name for \(entry.name))"
        switch basis {
        case .name: return "its name is \(term)"
        case .id: return "its id spells \(term)"
        case .phrase: return "its name contains \(term)"
        }
    }
}

// The knowledge base's files use the canvas format's enumeration values.
extension ResultLevel: Decodable {}
extension Direction: Decodable {}
extension BusinessModelBlock: Decodable {}
extension Perspective: Decodable {}
extension Frequency: Decodable {}
extension Horizon: Decodable {}
