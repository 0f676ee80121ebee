import RealModule

/// Correlation between series: Pearson, Spearman, lagged cross-correlation, AR(1)
/// prewhitening, and Fisher's z comparison of two correlations.
public enum Correlation {
    public struct Result: Sendable, Hashable {
        public var r: Double
        /// Two-sided p-value against no correlation (t test with n − 2 degrees of freedom).
        public var p: Double
        public var n: Int
    }

    /// Pearson's r over the pairs where both values are present.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Result {
        var sx = 0.0, sy = 0.0, n = 0
        let count = min(x.count, y.count)
        for i in 0..<count where !x[i].isNaN && !y[i].isNaN {
            sx += x[i]
            sy += y[i]
            n += 1
        }
        guard n >= 3 else { return Result(r: .nan, p: 1, n: n) }
        let mx = sx / Double(n), my = sy / Double(n)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0..<count where !x[i].isNaN && !y[i].isNaN {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return Result(r: .nan, p: 1, n: n) }
        let r = max(-1, min(1, sxy / (sxx * syy).squareRoot()))
        return Result(r: r, p: pValue(r, n: n), n: n)
    }

    /// `x` centred and scaled to unit length, so that the Pearson correlation of two such series
    /// is their dot product; nil when `x` is constant or holds a missing value.
    public static func standardised(_ x: [Double]) -> [Double]? {
        guard x.count >= 3, !x.contains(where: \.isNaN) else { return nil }
        let m = x.reduce(0, +) / Double(x.count)
        var ss = 0.0
        for v in x { ss += (v - m) * (v - m) }
        guard ss > 0 else { return nil }
        let scale = 1 / ss.squareRoot()
        return x.map { ($0 - m) * scale }
    }

    /// The Pearson correlation of two `standardised` series of equal length.
    public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        // Eight running sums: a strict left-to-right sum cannot be vectorised, and DATA-11 takes
        // this product for every pair of KPIs serving an objective.
        var sum = 0.0
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                let n = min(x.count, y.count)
                guard n > 0, let xs = x.baseAddress, let ys = y.baseAddress else { return }
                let xr = UnsafeRawPointer(xs), yr = UnsafeRawPointer(ys)
                let stride = MemoryLayout<Double>.stride
                var lanes = SIMD8<Double>(repeating: 0)
                var i = 0
                while i + 8 <= n {
                    lanes.addProduct(
                        xr.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Double>.self),
                        yr.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Double>.self))
                    i += 8
                }
                sum = lanes.sum()
                while i < n {
                    sum += x[i] * y[i]
                    i += 1
                }
            }
        }
        return max(-1, min(1, sum))
    }

    /// The smallest |r| over `n` pairs whose one-sided p-value reaches `oneSidedP`, a little
    /// below the exact value so that rounding never skips a test that would reach it.
    public static func threshold(oneSidedP: Double, n: Int) -> Double {
        var lo = 0.0, hi = 1.0
        for _ in 0..<60 {
            let mid = (lo + hi) / 2
            if pValue(mid, n: n) / 2 <= oneSidedP { hi = mid } else { lo = mid }
        }
        return lo * (1 - 1e-9)
    }

    /// Spearman's rank correlation over the pairs where both values are present.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Result {
        var px: [Double] = [], py: [Double] = []
        for i in 0..<min(x.count, y.count) where !x[i].isNaN && !y[i].isNaN {
            px.append(x[i])
            py.append(y[i])
        }
        let r = pearson(Descriptive.ranks(px), Descriptive.ranks(py))
        return r
    }

    /// Two-sided p-value of a correlation r over n pairs.
    public static func pValue(_ r: Double, n: Int) -> Double {
        guard n > 2, r.isFinite else { return 1 }
        if abs(r) >= 1 { return 0 }
        let df = Double(n - 2)
        let t = r * (df / ((1 - r) * (1 + r))).squareRoot()
        return Distributions.studentTTwoSided(t, df: df)
    }

    /// Correlation of x now with y `lag` periods later (x leads y for positive lags).
    public static func lagged(_ x: [Double], _ y: [Double], lag: Int) -> Result {
        let n = min(x.count, y.count)
        guard lag >= 0, lag < n else { return Result(r: .nan, p: 1, n: 0) }
        return pearson(Array(x[0..<(n - lag)]), Array(y[lag..<n]))
    }

    /// The lag-1 autocorrelation, as the AR(1) coefficient to prewhiten with.
    public static func lagOneAutocorrelation(_ x: [Double]) -> Double {
        let values = x.filter { !$0.isNaN }
        guard values.count > 2 else { return 0 }
        let m = Descriptive.mean(values)
        var numerator = 0.0, denominator = 0.0
        for i in 0..<values.count {
            let d = values[i] - m
            denominator += d * d
            if i + 1 < values.count { numerator += d * (values[i + 1] - m) }
        }
        return denominator > 0 ? numerator / denominator : 0
    }

    /// Removes AR(1) persistence: e_t = x_t − φ·x_{t−1}, with φ the lag-1 autocorrelation, so
    /// that two trending series do not look related just because each follows itself.
    public static func prewhiten(_ x: [Double], phi: Double? = nil) -> [Double] {
        guard x.count > 1 else { return [] }
        let f = phi ?? lagOneAutocorrelation(x)
        return (1..<x.count).map { x[$0].isNaN || x[$0 - 1].isNaN ? .nan : x[$0] - f * x[$0 - 1] }
    }

    /// Whether two correlations from independent samples differ: Fisher's z test.
    public static func fisherZ(r1: Double, n1: Int, r2: Double, n2: Int) -> (z: Double, p: Double) {
        guard n1 > 3, n2 > 3 else { return (.nan, 1) }
        let clamp = { (r: Double) in max(-0.999_999_999, min(0.999_999_999, r)) }
        let z =
            (Double.atanh(clamp(r1)) - Double.atanh(clamp(r2))) / (1 / Double(n1 - 3) + 1 / Double(n2 - 3)).squareRoot()
        return (z, Distributions.normalTwoSided(z))
    }
}
