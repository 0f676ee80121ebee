import Dispatch

/// What the loaded values say about one KPI: its series on the KPI's own frequency and its
/// monotonic trend, for reports to show beside the findings.
public struct KPITrend: Sendable, Hashable {
    public var kpi: KPIID
    public var granularity: Period.Granularity
    public var first: Period
    public var last: Period
    /// One value per period, NaN where missing.
    public var values: [Double]
    public var mannKendall: Trend.MannKendall?

    /// Sen's slope per period, when the series has at least three values. Computed on demand:
    /// it is quadratic in the series' length and only reports show it.
    public var sensSlope: Double? {
        values.count <= 2_000 && values.count - values.filter(\.isNaN).count >= 3 ? Trend.sensSlope(values) : nil
    }

    /// Sen's slopes of many trends at once, spread over the cores (a report on 10,000 KPIs would
    /// otherwise spend seconds here), in the order given.
    public static func sensSlopes(of trends: [KPITrend]) -> [Double?] {
        let results = UnsafeResults<Double?>(count: trends.count)
        DispatchQueue.concurrentPerform(iterations: trends.count) { i in results.set(i, trends[i].sensSlope) }
        return trends.indices.map { results.get($0) }
    }

    /// Trends for every KPI with values, in canvas order.
    static func all(in analysis: CanvasAnalysis) -> [KPITrend] {
        guard let data = analysis.data else { return [] }
        return analysis.canvas.kpis.compactMap { kpi in
            guard let series = data.aligned[kpi.id] else { return nil }
            let observed = series.observed
            return KPITrend(
                kpi: kpi.id, granularity: series.granularity, first: series.period(at: 0),
                last: series.period(at: series.values.count - 1), values: series.values,
                mannKendall: observed >= 3 ? data.trends[kpi.id] : nil)
        }
    }

    /// A one-line sparkline of the last `width` periods (gaps shown as spaces).
    public func sparkline(width: Int = 24) -> String {
        let recent = Array(values.suffix(width))
        let present = recent.filter { !$0.isNaN }
        guard let lo = present.min(), let hi = present.max() else { return "" }
        let ticks = Array("▁▂▃▄▅▆▇█")
        return String(
            recent.map { v -> Character in
                if v.isNaN { return " " }
                if hi == lo { return ticks[3] }
                return ticks[min(ticks.count - 1, Int((v - lo) / (hi - lo) * Double(ticks.count - 1) + 0.5))]
            })
    }
}
