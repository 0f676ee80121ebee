import PlumblineCore
import Testing

/// The shortcuts DATA-11 takes on large canvases give what the general routines give.
@Suite struct CorrelationShortcutTests {
    /// A reproducible pseudo-random series (a linear congruential generator; no global state).
    static func series(seed: UInt64, count: Int, trend: Double = 0) -> [Double] {
        var state = seed
        return (0..<count).map { i in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) + trend * Double(i)
        }
    }

    @Test(arguments: [(1, 2), (3, 4), (5, 6), (7, 8)])
    func dotOfStandardisedSeriesIsPearson(seeds: (UInt64, UInt64)) throws {
        let x = Self.series(seed: seeds.0, count: 259, trend: 0.002)
        let y = Self.series(seed: seeds.1, count: 259, trend: -0.001)
        let r = Correlation.dot(try #require(Correlation.standardised(x)), try #require(Correlation.standardised(y)))
        #expect(abs(r - Correlation.pearson(x, y).r) < 1e-12)
    }

    @Test func constantOrGappedSeriesHaveNoStandardForm() {
        #expect(Correlation.standardised([2, 2, 2, 2]) == nil)
        #expect(Correlation.standardised([1, .nan, 3, 4]) == nil)
    }

    @Test(arguments: [24, 100, 259, 2_000])
    func thresholdSitsAtTheFalseDiscoveryRate(n: Int) {
        let t = Correlation.threshold(oneSidedP: 0.05, n: n)
        #expect(Correlation.pValue(-t, n: n) / 2 > 0.05 - 1e-9)
        #expect(Correlation.pValue(-t * (1 + 1e-6), n: n) / 2 <= 0.05)
    }
}
