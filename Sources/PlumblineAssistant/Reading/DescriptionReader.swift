import PlumblineCore

/// Reads a short description of an organisation the way an analyst would skim it: which
/// industry, how big, which teams, what they are paid on, which AI systems act, what is going
/// wrong and what the organisation wants. Deterministic: the same words always give the same
/// reading, and every item keeps the phrase that produced it.
public struct DescriptionReader: Sendable {
    public let knowledge: KnowledgeBase
    public let library: ArchetypeLibrary

    public init(knowledge: KnowledgeBase, library: ArchetypeLibrary) {
        self.knowledge = knowledge
        self.library = library
    }

    public func read(_ description: String) -> DescriptionReading {
        var reading = DescriptionReading(text: description)
        let text = DescriptionText(description)
        readIndustry(text, into: &reading)
        readSize(text, into: &reading)
        var lastTeamInSentence: [Int: String] = [:]
        for clause in text.clauses {
            let words = clause.words
            let cue = incentiveCue(in: words)
            var blocked = Set<Int>()
            if let cue { blocked.formUnion(cue.start..<cue.end) }
            let measures = measureSpans(in: words, blocked: blocked)
            for span in measures { blocked.formUnion(span.start..<span.end) }
            let teams = teamSpans(in: words, blocked: blocked)
            for span in measures { note(measure: span.id, phrase: span.phrase, into: &reading) }
            for team in teams where !reading.teams.contains(team.id) {
                reading.teams.append(team.id)
                reading.recognitions.append(
                    Recognition(
                        kind: .team, phrase: team.phrase,
                        meaning: "team or role '\(library.function(team.id)?.name ?? team.id)'"))
            }
            if let cue {
                let recipient = teams.last { $0.start < cue.start }?.id ?? lastTeamInSentence[clause.sentence]
                let pain = painSubject(words, measures: measures)
                let tied = measures.filter { $0.start >= cue.end && $0.start != pain?.start }.map(\.id)
                if !tied.isEmpty {
                    let phrase = words.map(\.text).joined(separator: " ")
                    reading.incentives.append(
                        NamedIncentive(recipient: recipient, kind: cue.kind, tiedTo: tied, phrase: phrase))
                    reading.recognitions.append(
                        Recognition(
                            kind: .incentive, phrase: phrase,
                            meaning:
                                "\(cue.kind.rawValue) for \(recipient ?? "an unnamed team") tied to \(tied.joined(separator: ", "))"
                        ))
                }
            }
            if let last = teams.last { lastTeamInSentence[clause.sentence] = last.id }
            readAISystem(words, measures: measures, into: &reading)
            readPain(words, measures: measures, cue: cue, into: &reading)
            readGoal(words, into: &reading)
        }
        return reading
    }

    // MARK: - Industry and size

    private func readIndustry(_ text: DescriptionText, into reading: inout DescriptionReading) {
        let words = text.allWords
        var best: (archetype: Archetype, score: Int, phrases: [String])? = nil
        for archetype in library.archetypes {
            var score = 0
            var phrases: [String] = []
            for term in archetype.vocabulary {
                let hits = DescriptionText.positions(of: term, in: words)
                if !hits.isEmpty {
                    score += hits.count * term.split(separator: " ").count
                    phrases.append(term)
                }
            }
            if score > 0, best == nil || score > best!.score { best = (archetype, score, phrases) }
        }
        guard let best else { return }
        reading.industry = best.archetype.id
        reading.recognitions.append(
            Recognition(
                kind: .industry, phrase: best.phrases.joined(separator: ", "),
                meaning: "industry '\(best.archetype.name)'"))
    }

    private static let sizeUnits: Set<String> = [
        "staff", "employees", "people", "ftes", "fte", "agents", "engineers", "stores", "sites", "warehouses",
        "hospitals", "schools", "partners", "drivers", "couriers", "suppliers", "branches", "hotels", "clinicians",
        "learners", "students", "consultants", "freelancers", "members",
    ]
    private static let sizeWords: Set<String> = [
        "startup", "start-up", "small", "mid-sized", "midsize", "large", "global",
    ]

    private func readSize(_ text: DescriptionText, into reading: inout DescriptionReading) {
        let words = text.allWords
        for (i, word) in words.enumerated() where word.key.first?.isNumber == true {
            for j in (i + 1)...min(i + 2, words.count - 1)
            where j < words.count && Self.sizeUnits.contains(words[j].key) {
                let phrase = words[i...j].map(\.text).joined(separator: " ")
                reading.size = phrase
                reading.recognitions.append(Recognition(kind: .size, phrase: phrase, meaning: "size \(phrase)"))
                return
            }
        }
        if let word = words.first(where: { Self.sizeWords.contains($0.key) }) {
            reading.size = word.key
            reading.recognitions.append(Recognition(kind: .size, phrase: word.text, meaning: "size: \(word.key)"))
        }
    }

    // MARK: - Measures and teams

    struct Span {
        var id: String
        var start: Int
        var end: Int
        var phrase: String
    }

    /// Single words that name a measure on their own; other single words are too generic
    /// ("accuracy", "sessions") unless the knowledge base writes them as an abbreviation.
    private static let measureWords: Set<String> = [
        "churn", "complaints", "completions", "readmissions", "signups", "sign-ups", "uptime", "outages",
        "escalations", "stockouts", "enrolments", "enrollments", "deployments", "utilisation", "utilization",
        "occupancy", "scrap", "waitlist", "dials", "bookings", "throughput",
    ]

    /// Knowledge-base KPIs named in the clause, longest phrase first, never overlapping.
    func measureSpans(in words: [DescriptionText.Word], blocked: Set<Int>) -> [Span] {
        var spans: [Span] = []
        var start = 0
        while start < words.count {
            var found: Span? = nil
            if !blocked.contains(start) {
                for length in stride(from: min(6, words.count - start), through: 1, by: -1) {
                    let range = start..<start + length
                    guard !range.contains(where: blocked.contains) else { continue }
                    let phrase = words[range].map(\.text).joined(separator: " ")
                    guard let match = knowledge.match(name: phrase), match.basis == .name else { continue }
                    if length == 1 {
                        let term = match.matchedTerm
                        let abbreviation = term == term.uppercased() && term.contains(where: \.isLetter)
                        guard abbreviation || Self.measureWords.contains(words[start].key) else { continue }
                    }
                    found = Span(id: match.entry.id, start: start, end: start + length, phrase: phrase)
                    break
                }
            }
            if let found {
                spans.append(found)
                start = found.end
            } else {
                start += 1
            }
        }
        return spans
    }

    private func teamSpans(in words: [DescriptionText.Word], blocked: Set<Int>) -> [Span] {
        var candidates: [Span] = []
        for role in library.functions {
            for term in role.words {
                let length = term.split(separator: " ").count
                for start in DescriptionText.positions(of: term, in: words) {
                    let range = start..<start + length
                    guard !range.contains(where: blocked.contains) else { continue }
                    let phrase = words[range].map(\.text).joined(separator: " ")
                    candidates.append(Span(id: role.id, start: start, end: start + length, phrase: phrase))
                }
            }
        }
        // Longer phrases win ("customer support" over "support"); then earlier ones.
        candidates.sort { ($0.end - $0.start, -$0.start) > ($1.end - $1.start, -$1.start) }
        var taken = Set<Int>()
        var spans: [Span] = []
        for span in candidates where !(span.start..<span.end).contains(where: taken.contains) {
            taken.formUnion(span.start..<span.end)
            spans.append(span)
        }
        return spans.sorted { $0.start < $1.start }
    }

    private func note(measure id: String, phrase: String, into reading: inout DescriptionReading) {
        guard !reading.measures.contains(id) else { return }
        reading.measures.append(id)
        reading.recognitions.append(
            Recognition(kind: .measure, phrase: phrase, meaning: "KPI '\(knowledge[id]?.name ?? id)'"))
    }

    // MARK: - Incentives

    struct Cue {
        var start: Int
        var end: Int
        var kind: IncentiveKind
    }

    private static let incentiveCues: [(String, IncentiveKind)] = [
        ("paid on", .reward), ("paid for", .reward), ("paid per", .reward), ("bonus on", .reward),
        ("bonus for", .reward), ("bonuses on", .reward), ("bonuses for", .reward), ("bonus tied to", .reward),
        ("bonuses tied to", .reward), ("bonus is tied to", .reward), ("bonused on", .reward),
        ("commission on", .reward), ("commissions on", .reward), ("commission for", .reward),
        ("rewarded on", .reward), ("rewarded for", .reward), ("incentivised on", .reward),
        ("incentivized on", .reward), ("compensated on", .reward), ("pay depends on", .reward),
        ("pay is tied to", .reward), ("earn a bonus for", .reward), ("earns a bonus for", .reward),
        ("payout depends on", .reward), ("paid a bonus on", .reward),
        ("penalised for", .penalty), ("penalized for", .penalty), ("penalised on", .penalty),
        ("penalized on", .penalty), ("fined for", .penalty), ("fined on", .penalty),
        ("recognised for", .recognition), ("recognized for", .recognition), ("ranked on", .recognition),
        ("ranked by", .recognition), ("league tables of", .recognition), ("league table of", .recognition),
    ]

    func incentiveCue(in words: [DescriptionText.Word]) -> Cue? {
        var best: Cue? = nil
        for (phrase, kind) in Self.incentiveCues {
            guard let start = DescriptionText.positions(of: phrase, in: words).first else { continue }
            let end = start + phrase.split(separator: " ").count
            if best == nil || start < best!.start || (start == best!.start && end > best!.end) {
                best = Cue(start: start, end: end, kind: kind)
            }
        }
        return best
    }

    // MARK: - AI systems

    private static let aiWords: Set<String> = [
        "ai", "ml", "algorithm", "algorithms", "chatbot", "bot", "llm", "copilot",
    ]
    private static let aiRoles: [(AIRole, Set<String>)] = [
        (
            .decides,
            [
                "decides", "decide", "approves", "approve", "rejects", "routes", "route", "assigns", "assign",
                "allocates", "sets", "prices", "dispatches", "triages", "triage", "auto-routes", "auto-approves",
            ]
        ),
        (
            .optimizes,
            [
                "scores", "score", "ranks", "rank", "optimises", "optimizes", "optimise", "optimize",
                "recommends", "recommend", "prioritises", "prioritizes", "schedules", "matches", "targets",
                "personalises", "personalizes", "nudges",
            ]
        ),
        (.forecasts, ["forecasts", "forecast", "predicts", "predict", "estimates"]),
        (.collects, ["collects", "tracks", "monitors", "records", "logs", "transcribes", "measures"]),
    ]

    private func readAISystem(
        _ words: [DescriptionText.Word], measures: [Span], into reading: inout DescriptionReading
    ) {
        let hasAIWord = words.contains { Self.aiWords.contains($0.key) }
        let machineLearning = !DescriptionText.positions(of: "machine learning", in: words).isEmpty
        let modelWord = words.firstIndex { $0.key == "model" || $0.key == "models" }
        guard let first = words.firstIndex(where: { Self.aiWords.contains($0.key) || $0.key == "machine" }) ?? modelWord
        else { return }
        var role: AIRole? = nil
        var verbAt: Int? = nil
        for i in words.indices where i > first {
            if let found = Self.aiRoles.first(where: { $0.1.contains(words[i].key) }) {
                role = found.0
                verbAt = i
                break
            }
        }
        // A bare "model" is an AI system only when it does something ("the model scores claims").
        guard hasAIWord || machineLearning || role != nil else { return }
        let end = verbAt ?? words.count
        let nounWords = words[first..<end].filter { !["a", "an", "the", "that", "which", "who"].contains($0.key) }
        let noun = nounWords.map(\.text).joined(separator: " ")
        let action = verbAt.map { words[$0...].map(\.text).joined(separator: " ") }
        let name = action.map { "\(noun.isEmpty ? "AI system" : noun) that \($0)" } ?? noun
        let phrase = words[first...].map(\.text).joined(separator: " ")
        let system = NamedAISystem(
            name: name.prefix(1).uppercased() + name.dropFirst(), role: role ?? .optimizes,
            measure: measures.first?.id, phrase: phrase)
        reading.aiSystems.append(system)
        reading.recognitions.append(
            Recognition(
                kind: .aiSystem, phrase: phrase,
                meaning:
                    "AI system '\(system.name)' that \(system.role.rawValue)\(system.measure.map { " \($0)" } ?? "")"))
    }

    // MARK: - Pain points and goals

    private static let painCues: [String] = [
        "doubled", "tripled", "has risen", "have risen", "risen", "rising", "rose", "rise", "rises", "has grown",
        "increased", "increasing", "went up", "gone up", "climbing", "climbed", "has fallen", "have fallen", "fell",
        "falling", "fallen", "dropped", "dropping", "declined", "declining", "worse", "worsened", "worsening",
        "slipping", "slipped", "stagnating", "stagnated", "spiking", "spiked", "soared", "soaring", "plummeted",
        "too high", "too long", "piling up", "suffering", "suffers", "suffer", "getting longer", "up",
    ]

    private func readPain(
        _ words: [DescriptionText.Word], measures: [Span], cue: Cue?, into reading: inout DescriptionReading
    ) {
        guard let span = painSubject(words, measures: measures),
            !reading.painPoints.contains(where: { $0.measure == span.id })
        else { return }
        do {
            let phrase = words.map(\.text).joined(separator: " ")
            reading.painPoints.append(PainPoint(measure: span.id, phrase: phrase))
            reading.recognitions.append(
                Recognition(
                    kind: .painPoint, phrase: phrase,
                    meaning: "\(knowledge[span.id]?.name ?? span.id) is going the wrong way"))
        }
    }

    /// The measure a pain cue speaks of: the last one named before it ("churn has doubled"),
    /// else the first after it ("rising complaints").
    func painSubject(_ words: [DescriptionText.Word], measures: [Span]) -> Span? {
        let hits = Self.painCues.compactMap { DescriptionText.positions(of: $0, in: words).first }
        guard let at = hits.min(), !measures.isEmpty else { return nil }
        return measures.last { $0.start < at } ?? measures.first { $0.start > at }
    }

    private static let goalCues = [
        "our goal is to", "the goal is to", "goal is to", "our aim is to", "aim is to", "aims to", "we want to",
        "wants to", "want to", "trying to", "objective is to", "priority is to", "strategy is to",
        "mission is to", "needs to", "need to", "hopes to", "hope to", "expects to",
    ]

    private func readGoal(_ words: [DescriptionText.Word], into reading: inout DescriptionReading) {
        for cue in Self.goalCues {
            guard let start = DescriptionText.positions(of: cue, in: words).first else { continue }
            let rest = words[(start + cue.split(separator: " ").count)...].map(\.text)
            guard !rest.isEmpty else { return }
            let joined = rest.joined(separator: " ")
            let statement = joined.prefix(1).uppercased() + joined.dropFirst()
            let theme = knowledge.theme(for: statement)?.id
            reading.goals.append(
                NamedGoal(statement: statement, theme: theme, phrase: words.map(\.text).joined(separator: " ")))
            reading.recognitions.append(
                Recognition(
                    kind: .goal, phrase: words[start...].map(\.text).joined(separator: " "),
                    meaning: "objective '\(statement)'\(theme.map { " (theme \($0))" } ?? "")"))
            return
        }
    }
}
