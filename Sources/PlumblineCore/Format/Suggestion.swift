/// "Did you mean …": the closest candidate to a misspelt word.
enum Suggestion {
    /// The candidate nearest to `word` by edit distance, if near enough to be a plausible typo.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let w = Array(word.lowercased().utf8)
        guard !w.isEmpty else { return nil }
        let allowed = max(1, min(3, w.count / 3))
        var best: (String, Int)? = nil
        for candidate in candidates {
            let c = Array(candidate.lowercased().utf8)
            if abs(c.count - w.count) > allowed { continue }
            let d = distance(w, c, limit: allowed)
            if d <= allowed, best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) {
                best = (candidate, d)
            }
        }
        return best?.0
    }

    /// Edit distance counting a swap of neighbours as one edit (optimal string alignment), with
    /// an early exit once every path exceeds `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, beforePrevious[j - 2] + 1)
                }
                current[j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
