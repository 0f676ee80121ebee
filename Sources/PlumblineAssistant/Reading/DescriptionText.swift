/// A description cut into clauses of words: the unit the reader looks for cues in.
struct DescriptionText {
    /// One word as written and its lower-case key.
    struct Word {
        var text: String
        var key: String
    }

    /// Clauses in order; each knows the sentence it belongs to.
    var clauses: [(sentence: Int, words: [Word])] = []

    init(_ text: String) {
        var sentence = 0
        for rawSentence in Self.split(text, at: Set(".!?;\n"), requireSpaceAfter: true) {
            for rawClause in Self.split(rawSentence, at: [","], requireSpaceAfter: true) {
                // Contrasts start a new clause: "paid on sign-ups while churn doubles".
                var current: [Word] = []
                for word in Self.words(rawClause) {
                    if Self.contrasts.contains(word.key), !current.isEmpty {
                        clauses.append((sentence, current))
                        current = []
                    } else {
                        current.append(word)
                    }
                }
                if !current.isEmpty { clauses.append((sentence, current)) }
            }
            sentence += 1
        }
    }

    static let contrasts: Set<String> = ["while", "but", "yet", "although", "whereas", "though", "meanwhile"]

    /// Every word, in order, across clauses.
    var allWords: [Word] { clauses.flatMap(\.words) }

    // MARK: - Cutting

    /// Splits at any of `marks`; with `requireSpaceAfter`, only where a space or the end follows,
    /// so "12,000" and "2.5" stay whole.
    private static func split(_ text: String, at marks: Set<Character>, requireSpaceAfter: Bool) -> [String] {
        var parts: [String] = []
        var current = ""
        let characters = Array(text)
        for (i, ch) in characters.enumerated() {
            let next = i + 1 < characters.count ? characters[i + 1] : " "
            if marks.contains(ch), !requireSpaceAfter || next.isWhitespace || ch == "\n" {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        return parts.filter { !$0.allSatisfy(\.isWhitespace) }
    }

    private static func words(_ clause: String) -> [Word] {
        clause.split(whereSeparator: \.isWhitespace).compactMap { raw in
            let trimmed = raw.trimmingCharacters(in: .punctuationExceptInner)
            return trimmed.isEmpty ? nil : Word(text: trimmed, key: trimmed.lowercased())
        }
    }

    // MARK: - Finding phrases

    /// Where the phrase (lower-case words separated by spaces) starts in `words`.
    static func positions(of phrase: String, in words: [Word]) -> [Int] {
        let keys = phrase.lowercased().split(separator: " ").map(String.init)
        guard !keys.isEmpty, keys.count <= words.count else { return [] }
        return (0...(words.count - keys.count)).filter { start in
            keys.indices.allSatisfy { words[start + $0].key == keys[$0] }
        }
    }
}

extension Set where Element == Character {
    /// Punctuation to strip from a word's ends: quotes, brackets and stops, not `%`, `-` or `&`.
    static let punctuationExceptInner: Set<Character> = Set("\"'“”‘’()[]{}:,.;!?")
}

extension StringProtocol {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
