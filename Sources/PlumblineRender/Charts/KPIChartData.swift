import PlumblineCore

/// Everything one KPI chart shows: the KPI's definition, its values on a regular timeline, the
/// incentives tied to it, the findings that concern it and the trend the diagnosis measured.
public struct KPIChartData: Sendable {
    /// The KPI: name, unit, direction and target.
    public var kpi: KPI
    /// Its values, one slot per period.
    public var series: ChartSeries
    /// Incentives tied to this KPI; those with a `since` inside the series are marked.
    public var incentives: [Incentive]
    /// Active findings naming this KPI, most severe first.
    public var findings: [Finding]
    /// The Mann–Kendall test of the series, when the diagnosis ran one.
    public var mannKendall: Trend.MannKendall?
    /// Sen's slope per period, when known.
    public var sensSlope: Double?

    /// Keeps only the incentives tied to `kpi` and the active findings naming it, so callers can
    /// pass a whole canvas's lists.
    public init(
        kpi: KPI, series: ChartSeries, incentives: [Incentive] = [], findings: [Finding] = [],
        mannKendall: Trend.MannKendall? = nil, sensSlope: Double? = nil
    ) {
        self.kpi = kpi
        self.series = series
        self.incentives = incentives.filter { $0.tiedTo.contains(kpi.id) }
        self.findings = findings.filter { $0.isActive && $0.subjects.contains(kpi.id.rawValue) }
        self.mannKendall = mannKendall
        self.sensSlope = sensSlope
    }

    /// The data for every KPI of `canvas` that has values in `diagnosis`, in canvas order.
    public static func all(canvas: Canvas, diagnosis: Diagnosis) -> [KPIChartData] {
        let trends = Dictionary(diagnosis.trends.map { ($0.kpi, $0) }, uniquingKeysWith: { a, _ in a })
        let findings = diagnosis.activeFindings
        return canvas.kpis.compactMap { kpi in
            guard let trend = trends[kpi.id] else { return nil }
            return KPIChartData(
                kpi: kpi, series: ChartSeries(trend), incentives: canvas.incentives, findings: findings,
                mannKendall: trend.mannKendall, sensSlope: trend.sensSlope)
        }
    }
}

/// A KPI's values on a regular timeline: one slot per period from the first to the last, NaN
/// where a value is missing (a gap, drawn as a break in the line, never as zero).
public struct ChartSeries: Sendable, Hashable {
    /// The length of one slot: a day, week, month, quarter or year.
    public var granularity: Period.Granularity
    /// The ordinal (`Period.ordinal`) of the first slot.
    public var firstOrdinal: Int
    /// One value per slot, NaN where missing.
    public var values: [Double]

    public init(granularity: Period.Granularity, firstOrdinal: Int, values: [Double]) {
        self.granularity = granularity
        self.firstOrdinal = firstOrdinal
        self.values = values.map { $0.isFinite ? $0 : .nan }
    }

    /// The series the diagnosis aligned for a KPI.
    public init(_ trend: KPITrend) {
        // Aligning averages finer periods in dictionary order, which varies between runs, so the
        // last bits of a value do too; rounding them off keeps the SVG byte-for-byte stable.
        self.init(
            granularity: trend.granularity, firstOrdinal: trend.first.ordinal,
            values: trend.values.map(Self.canonical))
    }

    /// `value` rounded to 12 significant digits.
    static func canonical(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let magnitude = abs(value)
        var scale = 1.0
        while magnitude * scale < 1e11 { scale *= 10 }
        while magnitude * scale >= 1e12 { scale /= 10 }
        return (value * scale).rounded() / scale
    }

    /// Values given period by period (nil or NaN for missing), placed on the timeline of the
    /// finest granularity among them; coarser periods land on the slot where they start.
    public init(_ points: [PeriodValue]) {
        let granularity = points.map(\.period.granularity).min() ?? .month
        let placed = points.map { (Period(granularity: granularity, date: $0.period.start).ordinal, $0.value) }
        let lo = placed.map(\.0).min() ?? 0, hi = placed.map(\.0).max() ?? -1
        var values = [Double](repeating: .nan, count: max(0, hi - lo + 1))
        for (ordinal, value) in placed { values[ordinal - lo] = value ?? .nan }
        self.init(granularity: granularity, firstOrdinal: lo, values: values)
    }

    /// The number of slots, missing ones included.
    public var count: Int { values.count }
    /// The period of slot `index`.
    public func period(at index: Int) -> Period { Period(granularity: granularity, ordinal: firstOrdinal + index) }

    /// Where `date` falls on the slot axis: slot `i` covers `i − 0.5 ..< i + 0.5`, so the start
    /// of a period is half a slot before its point and a date inside it is proportionally later.
    public func position(of date: CalendarDate) -> Double {
        let period = Period(granularity: granularity, date: date)
        let next = Period(granularity: granularity, ordinal: period.ordinal + 1)
        let days = Double(next.start.dayNumber - period.start.dayNumber)
        let fraction = days > 0 ? Double(date.dayNumber - period.start.dayNumber) / days : 0
        return Double(period.ordinal - firstOrdinal) - 0.5 + fraction
    }
}

extension Period {
    /// The period of `granularity` that contains `date`.
    init(granularity: Granularity, date: CalendarDate) {
        self = Period(granularity: .day, ordinal: date.dayNumber).containing(granularity)
    }
}
