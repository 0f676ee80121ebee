import RealModule

/// Tail probabilities of the distributions the data rules test against. The regularised
/// incomplete beta and gamma functions are not in swift-numerics (which supplies `logGamma` and
/// `erfc` used here), so they are computed by their standard continued fractions and series.
public enum Distributions {
    // MARK: - Normal

    /// P(Z > z) for a standard normal Z.
    public static func normalSurvival(_ z: Double) -> Double { 0.5 * Double.erfc(z / 2.0.squareRoot()) }

    /// Two-sided p-value of a standard normal statistic.
    public static func normalTwoSided(_ z: Double) -> Double { min(1, 2 * normalSurvival(abs(z))) }

    // MARK: - Student t, F, χ²

    /// Two-sided p-value of Student's t with `df` degrees of freedom.
    public static func studentTTwoSided(_ t: Double, df: Double) -> Double {
        guard t.isFinite else { return t.isNaN ? .nan : 0 }
        return regularizedBeta(df / (df + t * t), a: df / 2, b: 0.5)
    }

    /// P(F > f) for Snedecor's F with (d1, d2) degrees of freedom.
    public static func fSurvival(_ f: Double, d1: Double, d2: Double) -> Double {
        guard f > 0 else { return 1 }
        guard f.isFinite else { return 0 }
        return regularizedBeta(d2 / (d2 + d1 * f), a: d2 / 2, b: d1 / 2)
    }

    /// P(X > x) for χ² with `df` degrees of freedom.
    public static func chiSquareSurvival(_ x: Double, df: Double) -> Double {
        guard x > 0 else { return 1 }
        return regularizedGammaQ(a: df / 2, x: x / 2)
    }

    // MARK: - Binomial

    /// log of the binomial probability mass P(X = k), X ~ Bin(n, p).
    public static func logBinomialPMF(_ k: Int, n: Int, p: Double) -> Double {
        if p == 0 { return k == 0 ? 0 : -.infinity }
        if p == 1 { return k == n ? 0 : -.infinity }
        let logChoose =
            Double.logGamma(Double(n + 1)) - Double.logGamma(Double(k + 1)) - Double.logGamma(Double(n - k + 1))
        return logChoose + Double(k) * Double.log(p) + Double(n - k) * Double.log(onePlus: -p)
    }

    /// Exact two-sided binomial test of k successes in n trials against probability p: the total
    /// probability of outcomes no more likely than the one observed (as scipy's `binomtest`).
    public static func binomialTwoSided(_ k: Int, n: Int, p: Double) -> Double {
        guard n > 0 else { return 1 }
        let observed = logBinomialPMF(k, n: n, p: p)
        let tolerance = 1 + 1e-7
        var total = 0.0
        for i in 0...n {
            let lp = logBinomialPMF(i, n: n, p: p)
            if lp <= observed + Double.log(tolerance) { total += Double.exp(lp) }
        }
        return min(1, total)
    }

    // MARK: - Special functions

    /// The regularised incomplete beta function I_x(a, b).
    public static func regularizedBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront =
            Double.logGamma(a + b) - Double.logGamma(a) - Double.logGamma(b) + a * Double.log(x)
            + b * Double.log(onePlus: -x)
        // The continued fraction converges fast for x < (a+1)/(a+b+2); use the symmetry otherwise.
        if x < (a + 1) / (a + b + 2) {
            return Double.exp(logFront) * betaContinuedFraction(x, a: a, b: b) / a
        }
        return 1 - Double.exp(logFront) * betaContinuedFraction(1 - x, a: b, b: a) / b
    }

    /// Lentz's method for the continued fraction of the incomplete beta function.
    static func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300, epsilon = 1e-16
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }

    /// The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a).
    public static func regularizedGammaQ(a: Double, x: Double) -> Double {
        if x <= 0 { return 1 }
        let logFront = -x + a * Double.log(x) - Double.logGamma(a)
        if x < a + 1 {
            // Series for the lower function P, then Q = 1 − P.
            var term = 1 / a, sum = term, n = a
            for _ in 0..<100_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return max(0, 1 - sum * Double.exp(logFront))
        }
        // Continued fraction for Q (Lentz).
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return Double.exp(logFront) * h
    }
}

extension Distributions {
    /// P(X ≥ k) for X ~ Bin(n, p): the one-sided exact binomial test.
    public static func binomialUpperTail(_ k: Int, n: Int, p: Double) -> Double {
        guard k > 0 else { return 1 }
        guard k <= n else { return 0 }
        var total = 0.0
        for i in k...n { total += Double.exp(logBinomialPMF(i, n: n, p: p)) }
        return min(1, total)
    }
}
