/// Monotonic trend: the Mann–Kendall test with the tie correction, and Sen's slope.
public enum Trend {
    public struct MannKendall: Sendable, Hashable {
        /// Kendall's S: concordant minus discordant pairs in time order.
        public var s: Double
        /// Variance of S under no trend, corrected for ties.
        public var variance: Double
        /// Continuity-corrected normal statistic.
        public var z: Double
        /// Two-sided p-value.
        public var p: Double
        /// Kendall's tau (S over the number of pairs).
        public var tau: Double
        /// Values used (missing ones skipped).
        public var n: Int
    }

    /// The Mann–Kendall test on a series in time order; NaN marks a missing value and is skipped.
    public static func mannKendall(_ values: [Double]) -> MannKendall {
        let x = values.filter { !$0.isNaN }
        let n = x.count
        let s = signSum(x)
        // Tie groups t contribute t(t−1)(2t+5) to the correction.
        var tieCorrection = 0.0
        let sorted = x.sorted()
        var i = 0
        while i < n {
            var j = i + 1
            while j < n && sorted[j] == sorted[i] { j += 1 }
            let t = Double(j - i)
            if t > 1 { tieCorrection += t * (t - 1) * (2 * t + 5) }
            i = j
        }
        let nd = Double(n)
        let variance = (nd * (nd - 1) * (2 * nd + 5) - tieCorrection) / 18
        let sd = Double(s)
        let z: Double =
            variance <= 0
            ? 0 : (s > 0 ? (sd - 1) / variance.squareRoot() : (s < 0 ? (sd + 1) / variance.squareRoot() : 0))
        let pairs = nd * (nd - 1) / 2
        return MannKendall(
            s: sd, variance: variance, z: z, p: n < 3 ? 1 : Distributions.normalTwoSided(z),
            tau: pairs > 0 ? sd / pairs : 0, n: n)
    }

    /// S = Σ_{i<j} sign(x_j − x_i). The O(n²) loop dominates the trend tests, so it compares
    /// eight values at a time (explicit SIMD: the scalar form does not vectorise).
    static func signSum(_ x: [Double]) -> Int {
        let n = x.count
        var s = 0
        x.withUnsafeBufferPointer { b in
            guard let start = b.baseAddress else { return }
            let base = UnsafeRawPointer(start)
            let zero = SIMD8<Int64>(repeating: 0)
            for i in 0..<n {
                let xi = b[i]
                let pivot = SIMD8<Double>(repeating: xi)
                var counts = zero
                var j = i + 1
                while j + 8 <= n {
                    let w = base.loadUnaligned(fromByteOffset: j * MemoryLayout<Double>.stride, as: SIMD8<Double>.self)
                    counts &+= zero.replacing(with: 1, where: w .> pivot)
                    counts &-= zero.replacing(with: 1, where: w .< pivot)
                    j += 8
                }
                var local = Int(counts.wrappedSum())
                while j < n {
                    local += b[j] > xi ? 1 : (b[j] < xi ? -1 : 0)
                    j += 1
                }
                s += local
            }
        }
        return s
    }

    /// Sen's slope: the median of the slopes between every pair of observed points, per period.
    /// NaN marks a missing value; its period still counts in the distance between points.
    public static func sensSlope(_ values: [Double]) -> Double {
        var slopes: [Double] = []
        let n = values.count
        slopes.reserveCapacity(n * (n - 1) / 2)
        for i in 0..<n where !values[i].isNaN {
            for j in (i + 1)..<max(i + 1, n) where !values[j].isNaN {
                slopes.append((values[j] - values[i]) / Double(j - i))
            }
        }
        return Descriptive.median(&slopes)
    }
}

/// Means, deviations, medians and ranks on contiguous buffers.
public enum Descriptive {
    public static func mean(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        return x.reduce(0, +) / Double(x.count)
    }

    /// Sample standard deviation (n − 1 in the denominator).
    public static func standardDeviation(_ x: [Double]) -> Double {
        guard x.count > 1 else { return .nan }
        let m = mean(x)
        var sum = 0.0
        for v in x { sum += (v - m) * (v - m) }
        return (sum / Double(x.count - 1)).squareRoot()
    }

    /// The median, reordering `x` in place (no copy).
    /// The median, found by selection rather than sorting (Sen's slope takes the median of
    /// n²/2 pairwise slopes, where a sort would dominate). Reorders `x`.
    public static func median(_ x: inout [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        let n = x.count
        let upper = select(&x, n / 2)
        guard n % 2 == 0 else { return upper }
        // After selection everything left of n/2 is ≤ the upper middle; the lower middle is their maximum.
        var lower = x[0]
        for i in 1..<(n / 2) where x[i] > lower { lower = x[i] }
        return (lower + upper) / 2
    }

    /// The `k`-th smallest element (from 0), by Hoare's selection with a median-of-three pivot;
    /// leaves smaller elements before index `k` and larger ones after it.
    static func select(_ x: inout [Double], _ k: Int) -> Double {
        x.withUnsafeMutableBufferPointer { a in
            var lo = 0, hi = a.count - 1
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                if a[mid] < a[lo] { a.swapAt(mid, lo) }
                if a[hi] < a[lo] { a.swapAt(hi, lo) }
                if a[hi] < a[mid] { a.swapAt(hi, mid) }
                let pivot = a[mid]
                var i = lo, j = hi
                while i <= j {
                    while a[i] < pivot { i += 1 }
                    while pivot < a[j] { j -= 1 }
                    if i <= j {
                        a.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if k <= j {
                    hi = j
                } else if k >= i {
                    lo = i
                } else {
                    return a[k]
                }
            }
            return a[k]
        }
    }

    /// Ranks from 1, ties sharing their average rank.
    public static func ranks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var ranks = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i + 1
            while j < order.count && x[order[j]] == x[order[i]] { j += 1 }
            let average = Double(i + j + 1) / 2
            for k in i..<j { ranks[order[k]] = average }
            i = j
        }
        return ranks
    }
}
