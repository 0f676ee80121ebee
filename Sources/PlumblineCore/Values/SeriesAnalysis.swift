/// A KPI's values on a regular timeline at the KPI's own frequency, ready for the data rules:
/// gaps are NaN (skipped, never read as zero), sub-period values are kept for period-end tests.
public struct AlignedSeries: Sendable {
    public var kpi: KPIID
    public var granularity: Period.Granularity
    /// Ordinal of the first period.
    public var firstOrdinal: Int
    /// One value per period from the first to the last observed; NaN where missing.
    public var values: [Double]
    /// The raw series, for tests that need the finer periods or the entities.
    public var raw: KPISeries

    /// Aligns `series` onto `frequency` (or its own granularity when the KPI has none, or when
    /// the data are coarser than the frequency). Finer values are averaged into each period.
    public init?(_ series: KPISeries, frequency: Frequency?) {
        guard let own = series.granularity else { return nil }
        let target = frequency.map(Self.granularity(of:)).map { max($0, own) } ?? own
        // Points come in period order, so the ordinals they fall into span lo...hi directly.
        var lo = Int.max, hi = Int.min
        for point in series.points where point.period.granularity <= target {
            let o = point.period.ordinal(in: target)
            lo = min(lo, o)
            hi = max(hi, o)
        }
        guard lo <= hi else { return nil }
        var sums = [Double](repeating: 0, count: hi - lo + 1), counts = [Int](repeating: 0, count: hi - lo + 1)
        for point in series.points where point.period.granularity <= target {
            let slot = point.period.ordinal(in: target) - lo
            sums[slot] += point.value
            counts[slot] += 1
        }
        var values = [Double](repeating: .nan, count: hi - lo + 1)
        for i in values.indices where counts[i] > 0 { values[i] = sums[i] / Double(counts[i]) }
        self.kpi = series.kpi
        self.granularity = target
        self.firstOrdinal = lo
        self.values = values
        self.raw = series
    }

    static func granularity(of f: Frequency) -> Period.Granularity {
        switch f {
        case .daily: .day
        case .weekly: .week
        case .monthly: .month
        case .quarterly: .quarter
        case .yearly: .year
        }
    }

    /// Periods with a value.
    public var observed: Int { values.reduce(0) { $0 + ($1.isNaN ? 0 : 1) } }
    public var lastOrdinal: Int { firstOrdinal + values.count - 1 }
    public func period(at i: Int) -> Period { Period(granularity: granularity, ordinal: firstOrdinal + i) }

    /// The values of the last `count` periods (fewer when the series is shorter).
    public func last(_ count: Int) -> ArraySlice<Double> { values.suffix(count) }

    /// Values on the ordinal range shared with `other`, pairwise (NaN kept).
    public func overlap(with other: AlignedSeries) -> (x: [Double], y: [Double])? {
        guard granularity == other.granularity else { return nil }
        let lo = max(firstOrdinal, other.firstOrdinal), hi = min(lastOrdinal, other.lastOrdinal)
        guard hi >= lo else { return nil }
        return (
            Array(values[(lo - firstOrdinal)...(hi - firstOrdinal)]),
            Array(other.values[(lo - other.firstOrdinal)...(hi - other.firstOrdinal)])
        )
    }
}
