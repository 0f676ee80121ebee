/// Ordinary least squares by Householder QR: stable for the small, sometimes collinear designs
/// of lag regressions.
public enum LeastSquares {
    public struct Fit: Sendable {
        public var coefficients: [Double]
        /// Residual sum of squares.
        public var rss: Double
        public var rank: Int
    }

    /// Fits y ≈ X·β, X given as rows (each row one observation, an intercept column included by
    /// the caller). Nil when there are fewer observations than columns.
    public static func fit(rows: [[Double]], y: [Double]) -> Fit? {
        factor(rows: rows)?.fit(y)
    }

    /// The QR factorisation of X, to fit many y against the same design (a bootstrap refits the
    /// same polynomial a hundred times): each fit then only applies the reflections to y.
    public static func factor(rows: [[Double]]) -> Factorisation? {
        let m = rows.count
        guard let k = rows.first?.count, m >= k, k > 0 else { return nil }
        return Factorisation(rows: rows, m: m, k: k)
    }

    /// X = QR by Householder reflections, kept as the reflection vectors and R.
    public struct Factorisation: Sendable {
        let m: Int
        let k: Int
        /// X transformed in place, column-major: R in its upper k×k triangle.
        private var a: [Double]
        /// For each column j that was not degenerate: its reflection vector (entries j..<m) and v·v.
        private var reflections: [(j: Int, v: [Double], vv: Double)] = []
        public private(set) var rank: Int

        fileprivate init(rows: [[Double]], m: Int, k: Int) {
            self.m = m
            self.k = k
            var a = [Double](repeating: 0, count: m * k)
            for i in 0..<m { for j in 0..<k { a[j * m + i] = rows[i][j] } }
            var rank = k
            for j in 0..<k {
                var norm = 0.0
                for i in j..<m { norm += a[j * m + i] * a[j * m + i] }
                norm = norm.squareRoot()
                if norm < 1e-12 {
                    rank -= 1
                    continue
                }
                let alpha = a[j * m + j] > 0 ? -norm : norm
                var v = [Double](repeating: 0, count: m)
                v[j] = a[j * m + j] - alpha
                for i in (j + 1)..<m { v[i] = a[j * m + i] }
                var vv = 0.0
                for i in j..<m { vv += v[i] * v[i] }
                guard vv > 0 else { continue }
                for c in j..<k {
                    var dot = 0.0
                    for i in j..<m { dot += v[i] * a[c * m + i] }
                    let f = 2 * dot / vv
                    for i in j..<m { a[c * m + i] -= f * v[i] }
                }
                reflections.append((j, v, vv))
            }
            self.a = a
            self.rank = rank
        }

        /// The least-squares fit of `y` (m values) against the factored design.
        public func fit(_ y: [Double]) -> Fit {
            var b = y
            for (j, v, vv) in reflections {
                var dot = 0.0
                for i in j..<m { dot += v[i] * b[i] }
                let f = 2 * dot / vv
                for i in j..<m { b[i] -= f * v[i] }
            }
            // Back substitution on R (upper k×k); rank-deficient columns get a zero coefficient.
            var beta = [Double](repeating: 0, count: k)
            for j in stride(from: k - 1, through: 0, by: -1) {
                let diagonal = a[j * m + j]
                guard abs(diagonal) > 1e-12 else { continue }
                var s = b[j]
                for c in (j + 1)..<k { s -= a[c * m + j] * beta[c] }
                beta[j] = s / diagonal
            }
            var rss = 0.0
            for i in k..<m { rss += b[i] * b[i] }
            return Fit(coefficients: beta, rss: rss, rank: rank)
        }
    }
}

/// Granger causality: do past values of x improve the prediction of y beyond y's own past?
public enum Granger {
    public struct Result: Sendable, Hashable {
        public var f: Double
        public var p: Double
        public var lags: Int
        /// Observations in the regressions.
        public var n: Int
        public var dfNumerator: Int
        public var dfDenominator: Int
    }

    /// The F test of the restricted model (y on its own `lags` lags and a constant) against the
    /// unrestricted one (plus `lags` lags of x), as statsmodels' `ssr_ftest`. Missing values
    /// (NaN) drop the observations whose window includes them.
    public static func test(cause x: [Double], effect y: [Double], lags p: Int) -> Result? {
        let n = min(x.count, y.count)
        guard p >= 1, n > 3 * p + 1 else { return nil }
        var restricted: [[Double]] = [], unrestricted: [[Double]] = [], target: [Double] = []
        for t in p..<n {
            var ok = !y[t].isNaN
            var rowR = [1.0], rowU = [1.0]
            for l in 1...p {
                ok = ok && !y[t - l].isNaN && !x[t - l].isNaN
                rowR.append(y[t - l])
            }
            guard ok else { continue }
            rowU = rowR + (1...p).map { x[t - $0] }
            restricted.append(rowR)
            unrestricted.append(rowU)
            target.append(y[t])
        }
        let m = target.count
        let dfDen = m - 2 * p - 1
        guard dfDen > 0, let r = LeastSquares.fit(rows: restricted, y: target),
            let u = LeastSquares.fit(rows: unrestricted, y: target), u.rss > 0
        else { return nil }
        let f = ((r.rss - u.rss) / Double(p)) / (u.rss / Double(dfDen))
        return Result(
            f: f, p: Distributions.fSurvival(f, d1: Double(p), d2: Double(dfDen)), lags: p, n: m, dfNumerator: p,
            dfDenominator: dfDen)
    }
}
