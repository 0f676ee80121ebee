/// Matches the names people give KPIs to knowledge-base entries: case, punctuation, plural
/// endings, spelling variants and abbreviations do not matter; a longer phrase beats a shorter
/// one, a whole-name match beats a phrase inside the name.
struct KPIMatcher: Sendable {
    private struct Term: Sendable {
        var entry: Int
        var text: String
        var words: Int
    }

    private let entries: [KnowledgeKPI]
    /// Normalised phrase (words joined by spaces) → term.
    private var spaced: [String: Term] = [:]
    /// The same phrase with spaces removed, so "sign ups" finds "signups".
    private var compact: [String: Term] = [:]
    private var longestPhrase = 1

    init(_ entries: [KnowledgeKPI]) {
        self.entries = entries
        for (i, entry) in entries.enumerated() {
            for text in [entry.name] + entry.synonyms {
                let words = Self.normalizedWords(text)
                guard !words.isEmpty else { continue }
                let term = Term(entry: i, text: text, words: words.count)
                let key = words.joined(separator: " ")
                if spaced[key] == nil { spaced[key] = term }
                let squeezed = words.joined()
                if compact[squeezed] == nil { compact[squeezed] = term }
                longestPhrase = max(longestPhrase, words.count)
            }
        }
    }

    func match(name: String, id: String?) -> KnowledgeMatch? {
        var words = Self.normalizedWords(name)
        if let term = lookup(words) { return result(term, .name) }
        // "Number of sign-ups", "Total bookings": the counting word adds nothing.
        while let first = words.first, Self.countingWords.contains(first), words.count > 1 {
            words.removeFirst()
            if let term = lookup(words) { return result(term, .name) }
        }
        if let id, let term = lookup(Self.normalizedWords(id.replacingOccurrences(of: ".", with: " "))) {
            return result(term, .id)
        }
        // The longest phrase inside the name; single words only when they are abbreviations (written
        // in capitals in the knowledge base, like AHT or NPS), so "accuracy" alone matches nothing.
        guard words.count > 1 else { return nil }
        for length in stride(from: min(longestPhrase, words.count - 1), through: 1, by: -1) {
            var found: Term? = nil
            for start in 0...(words.count - length) {
                let slice = Array(words[start..<start + length])
                if length == 1, !isDistinctive(slice[0]) { continue }
                if let term = lookup(slice), found == nil || term.words > found!.words { found = term }
            }
            if let found { return result(found, .phrase) }
        }
        return nil
    }

    private func isDistinctive(_ word: String) -> Bool {
        guard let term = spaced[word] else { return false }
        return term.text == term.text.uppercased() && term.text.contains(where: \.isLetter)
    }

    private func lookup(_ words: [String]) -> Term? {
        guard !words.isEmpty else { return nil }
        return spaced[words.joined(separator: " ")] ?? compact[words.joined()]
    }

    private func result(_ term: Term, _ basis: KnowledgeMatch.Basis) -> KnowledgeMatch {
        KnowledgeMatch(entry: entries[term.entry], matchedTerm: term.text, basis: basis)
    }

    // MARK: - Normalisation

    private static let spellings: [String: String] = [
        "avg": "average", "mean": "average", "no": "number", "num": "number", "nr": "number", "pct": "percent",
        "percentage": "percent", "utilisation": "utilization", "optimisation": "optimization",
        "behaviour": "behavior", "organisation": "organization", "programme": "program", "labour": "labor",
        "centre": "center", "fulfilment": "fulfillment", "cancelled": "canceled", "modelling": "modeling",
        "favour": "favor", "colour": "color", "defence": "defense", "licence": "license", "catalogue": "catalog",
        "enrolment": "enrollment", "travelled": "traveled",
    ]
    private static let countingWords: Set<String> = [
        "number", "count", "total", "monthly", "weekly", "daily", "quarterly", "annual", "yearly",
    ]
    private static let dropped: Set<String> = ["of", "the", "a", "an", "per", "and", "to", "in", "on", "for", "by"]

    /// Lower-case words without punctuation, spelling variants unified, plural `s` removed,
    /// and small connecting words dropped (they vary freely between writers).
    static func normalizedWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            var w = spellings[current] ?? current
            if w.hasSuffix("ise"), w.count > 6 { w = String(w.dropLast(3)) + "ize" }
            if w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is"), w.count > 3 {
                w.removeLast()
            }
            if !dropped.contains(w) { words.append(w) }
            current = ""
        }
        for ch in text.lowercased() {
            if ch == "%" {
                flush()
                words.append("percent")
            } else if ch == "#" {
                flush()
                words.append("number")
            } else if ch == "&" {
                flush()
            } else if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else {
                flush()
            }
        }
        flush()
        return words
    }
}
