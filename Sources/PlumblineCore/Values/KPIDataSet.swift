import Dispatch

/// A canvas's KPI values prepared once for all data rules: aligned series and their trends.
public struct KPIDataSet: Sendable {
    public let values: KPIValues
    public let aligned: [KPIID: AlignedSeries]
    /// Mann–Kendall trend of each aligned series with at least 3 values.
    public let trends: [KPIID: Trend.MannKendall]
    /// The latest period present in the data, per granularity (what "up to now" means).
    public let latestOrdinal: [Period.Granularity: Int]

    public init(values: KPIValues, canvas: Canvas) {
        self.values = values
        var frequencies: [KPIID: Frequency?] = [:]
        for k in canvas.kpis { frequencies[k.id] = k.frequency }
        let kpiFrequency = frequencies
        let series = values.series.values.sorted { $0.kpi < $1.kpi }
        // Aligning and the O(n²) trend tests dominate: spread them over the cores.
        let results = UnsafeResults<(AlignedSeries, Trend.MannKendall)?>(count: series.count)
        DispatchQueue.concurrentPerform(iterations: series.count) { i in
            let a = AlignedSeries(series[i], frequency: kpiFrequency[series[i].kpi] ?? nil)
            results.set(i, a.map { ($0, Trend.mannKendall($0.values)) })
        }
        var aligned: [KPIID: AlignedSeries] = [:]
        var trends: [KPIID: Trend.MannKendall] = [:]
        aligned.reserveCapacity(series.count)
        trends.reserveCapacity(series.count)
        for i in series.indices {
            guard let (a, trend) = results.get(i) else { continue }
            aligned[a.kpi] = a
            trends[a.kpi] = trend
        }
        self.aligned = aligned
        self.trends = trends

        var latest: [Period.Granularity: Int] = [:]
        for s in series {
            for p in s.points.lazy.map(\.period) {
                latest[p.granularity] = max(latest[p.granularity] ?? Int.min, p.ordinal)
            }
            for p in s.missingPeriods { latest[p.granularity] = max(latest[p.granularity] ?? Int.min, p.ordinal) }
        }
        self.latestOrdinal = latest
    }

    /// The latest period of the data at `granularity`, counting finer data's containing periods.
    public func latest(at granularity: Period.Granularity) -> Int? {
        var best: Int? = nil
        for (g, ordinal) in latestOrdinal where g <= granularity {
            let o = Period(granularity: g, ordinal: ordinal).containing(granularity).ordinal
            best = max(best ?? o, o)
        }
        return best
    }
}

/// Results written by index from concurrent iterations, each slot by exactly one iteration.
final class UnsafeResults<T>: @unchecked Sendable {
    private var storage: [T?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { storage.withUnsafeMutableBufferPointer { $0[i] = value } }
    func get(_ i: Int) -> T { storage[i]! }
}

extension KPIValues {
    /// The inline series written in a canvas's `data` section.
    public init(inline canvas: Canvas) {
        self.init()
        merge(inline: canvas)
    }

    /// Adds the canvas's inline series to these values.
    public mutating func merge(inline canvas: Canvas) {
        for source in canvas.data {
            guard case .inline(let kpi, let points, _) = source else { continue }
            for point in points {
                if let v = point.value {
                    series[kpi, default: KPISeries(kpi: kpi)].add(v, period: point.period)
                } else {
                    series[kpi, default: KPISeries(kpi: kpi)].addMissing(point.period)
                }
            }
        }
    }

    /// Adds every series of `other`.
    public mutating func merge(_ other: KPIValues) {
        for (kpi, s) in other.series {
            guard var mine = series[kpi] else {
                series[kpi] = s
                continue
            }
            let entityPeriods = Set(s.entityValues.map(\.period))
            for point in s.points where !entityPeriods.contains(point.period) {
                mine.add(point.value, period: point.period)
            }
            for e in s.entityValues { mine.add(e.value, period: e.period, entity: e.entity) }
            for p in s.missingPeriods { mine.addMissing(p) }
            series[kpi] = mine
        }
    }
}
