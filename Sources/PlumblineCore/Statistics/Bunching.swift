/// Tests for values bunching just past a target: the bunching estimator (excess mass over a
/// polynomial counterfactual fitted outside a window, Chetty et al.), an exact binomial test on
/// both sides of the threshold, and the last-digit χ² test.
public enum Bunching {
    public struct Estimate: Sendable, Hashable {
        /// Observations inside the excluded window, and what the counterfactual expects there.
        public var observedInWindow: Double
        public var expectedInWindow: Double
        /// Excess mass: observed minus expected, in observations.
        public var excessMass: Double
        /// Excess mass relative to the counterfactual in the window (b of Chetty et al.).
        public var relativeExcess: Double
        /// Bootstrap standard error of `excessMass`.
        public var standardError: Double
        public var n: Int
        public var bins: Int
    }

    /// Bin counts of `values` in `bins` equal bins over [lower, upper).
    public static func histogram(_ values: [Double], lower: Double, upper: Double, bins: Int) -> [Double] {
        var counts = [Double](repeating: 0, count: bins)
        let width = (upper - lower) / Double(bins)
        for v in values where v >= lower && v < upper {
            counts[min(bins - 1, Int((v - lower) / width))] += 1
        }
        return counts
    }

    /// A least-squares polynomial through fixed x, evaluated at given points; factored once, for
    /// refitting many y (the bootstrap).
    struct PolynomialDesign {
        let factorisation: LeastSquares.Factorisation
        /// The powers of each evaluation point, centred and scaled like x.
        let evaluation: [[Double]]

        init?(x: [Double], degree: Int, at: [Double]) {
            // Centre and scale x for conditioning.
            let centre = Descriptive.mean(x)
            let scale = max(1e-12, x.map { abs($0 - centre) }.max() ?? 1)
            func powers(_ v: Double) -> [Double] {
                (0...degree).map { Bunching.pow(($0 == 0 ? 1 : (v - centre) / scale), $0) }
            }
            guard let factorisation = LeastSquares.factor(rows: x.map(powers)) else { return nil }
            self.factorisation = factorisation
            self.evaluation = at.map(powers)
        }

        func fitted(_ y: [Double]) -> [Double] {
            let coefficients = factorisation.fit(y).coefficients
            return evaluation.map { row in row.indices.reduce(0) { $0 + coefficients[$1] * row[$1] } }
        }
    }

    fileprivate static func pow(_ b: Double, _ e: Int) -> Double {
        var r = 1.0
        for _ in 0..<e { r *= b }
        return r
    }

    /// The excess mass in the window [windowLower, windowUpper) of a histogram over
    /// [lower, upper) with `bins` bins, against a polynomial of `degree` fitted to the bins
    /// outside the window. The standard error comes from `replicates` bootstrap resamples of
    /// the fit's residuals (seeded, so runs repeat).
    public static func estimate(
        _ values: [Double], lower: Double, upper: Double, bins: Int, windowLower: Double, windowUpper: Double,
        degree: Int = 3, replicates: Int = 200, seed: UInt64 = 1
    ) -> Estimate? {
        let counts = histogram(values, lower: lower, upper: upper, bins: bins)
        let width = (upper - lower) / Double(bins)
        let centres = (0..<bins).map { lower + (Double($0) + 0.5) * width }
        let inside = centres.map { $0 >= windowLower && $0 < windowUpper }
        let outX = centres.indices.filter { !inside[$0] }.map { centres[$0] }
        let outY = counts.indices.filter { !inside[$0] }.map { counts[$0] }
        guard outX.count > degree + 1, inside.contains(true),
            let design = PolynomialDesign(x: outX, degree: degree, at: centres)
        else { return nil }
        let fitted = design.fitted(outY)
        func excess(_ c: [Double], _ f: [Double]) -> (Double, Double, Double) {
            var observed = 0.0, expected = 0.0
            for i in c.indices where inside[i] {
                observed += c[i]
                expected += max(0, f[i])
            }
            return (observed, expected, observed - expected)
        }
        let (observed, expected, mass) = excess(counts, fitted)

        // Residual bootstrap: refit on fitted + resampled residuals outside the window.
        let residuals = counts.indices.filter { !inside[$0] }.map { counts[$0] - fitted[$0] }
        var rng = SeededGenerator(seed: seed)
        var masses: [Double] = []
        masses.reserveCapacity(replicates)
        for _ in 0..<replicates {
            var resampled = counts
            for i in counts.indices {
                resampled[i] = fitted[i] + residuals[Int(rng.next() % UInt64(residuals.count))]
            }
            let y = counts.indices.filter { !inside[$0] }.map { resampled[$0] }
            masses.append(excess(resampled, design.fitted(y)).2)
        }
        let se = Descriptive.standardDeviation(masses)
        return Estimate(
            observedInWindow: observed, expectedInWindow: expected, excessMass: mass,
            relativeExcess: expected > 0 ? mass / expected : .infinity, standardError: se, n: values.count, bins: bins)
    }

    /// Counts within `width` below and above a threshold, and the exact binomial test of an even
    /// split (without manipulation, values near a threshold fall on either side about equally).
    public static func thresholdSplit(
        _ values: [Double], threshold: Double, width: Double
    ) -> (below: Int, above: Int, p: Double) {
        var below = 0, above = 0
        for v in values {
            if v >= threshold - width && v < threshold { below += 1 }
            if v >= threshold && v < threshold + width { above += 1 }
        }
        return (below, above, Distributions.binomialTwoSided(above, n: below + above, p: 0.5))
    }

    /// χ² test that last digits 0–9 are uniform (hand-made numbers favour some digits).
    public static func lastDigits(_ digits: [Int]) -> (chiSquare: Double, p: Double, n: Int, counts: [Int]) {
        var counts = [Int](repeating: 0, count: 10)
        for d in digits where (0...9).contains(d) { counts[d] += 1 }
        let n = counts.reduce(0, +)
        guard n > 0 else { return (0, 1, 0, counts) }
        let expected = Double(n) / 10
        let chi = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        return (chi, Distributions.chiSquareSurvival(chi, df: 9), n, counts)
    }
}

/// Benjamini–Hochberg control of the false discovery rate across the many tests of one run.
public enum FalseDiscovery {
    /// Adjusted p-values (as statsmodels' `fdr_bh`), in the input order. `tests` is the number of
    /// tests in the family when `p` lists only the smallest of them (the rest being larger than
    /// every p-value given); by default every test is listed.
    public static func adjusted(_ p: [Double], tests: Int? = nil) -> [Double] {
        let m = max(tests ?? p.count, p.count)
        guard !p.isEmpty else { return [] }
        let order = p.indices.sorted { p[$0] < p[$1] }
        var adjusted = [Double](repeating: 1, count: p.count)
        var running = 1.0
        for rank in stride(from: p.count, through: 1, by: -1) {
            let i = order[rank - 1]
            running = min(running, p[i] * Double(m) / Double(rank))
            adjusted[i] = min(1, running)
        }
        return adjusted
    }

    /// Which tests are discoveries at false discovery rate `q`.
    public static func discoveries(_ p: [Double], q: Double = 0.05) -> [Bool] {
        adjusted(p).map { $0 <= q }
    }
}
