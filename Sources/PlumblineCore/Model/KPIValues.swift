/// Where a canvas's KPI values come from: a CSV file beside it, or a series written inline.
public enum DataSource: Hashable, Sendable {
    /// A CSV file, relative to the canvas file.
    case file(path: String, extensions: Extensions)
    /// An inline series: one value per period; nil is a missing value.
    case inline(kpi: KPIID, values: [PeriodValue], extensions: Extensions)
}

/// One value of a KPI in one period; `value` is nil when it is missing.
public struct PeriodValue: Hashable, Sendable {
    public var period: Period
    public var value: Double?
    public init(_ period: Period, _ value: Double?) {
        self.period = period
        self.value = value
    }
}
