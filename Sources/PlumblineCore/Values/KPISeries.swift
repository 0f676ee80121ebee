/// The values loaded for a canvas's KPIs, one series per KPI.
public struct KPIValues: Sendable {
    public var series: [KPIID: KPISeries] = [:]
    public init() {}

    /// How many values were read in all.
    public var observationCount: Int { series.values.reduce(0) { $0 + $1.observationCount } }
}

/// One KPI's values: per period, and per entity (team, store, agent) where the data has them.
///
/// Periods are kept in one array in period order rather than in a dictionary: files list a
/// series' periods in order, so each value is an append (or an update of the last period, for
/// the entities of one period), and millions of values cost no hashing at all.
public struct KPISeries: Sendable {
    public var kpi: KPIID
    /// One entry per period with a value, in period order.
    public private(set) var points: [Point] = []
    /// Entity-level values, for tests that look at how individual reports fall around a target.
    public private(set) var entityValues: [EntityValue] = []
    /// Periods given with an empty value, whether or not a value for them came too.
    private var emptyPeriods: Set<Period> = []
    /// Periods given with an empty value and never with a value: expected but missing. (Decided
    /// at the end, so the order of a file's rows, or of its parts read in parallel, does not matter.)
    public var missingPeriods: Set<Period> { emptyPeriods.filter { value(at: $0) == nil } }
    public private(set) var observationCount = 0
    /// The finest granularity present.
    public private(set) var granularity: Period.Granularity?

    /// A period's value: its total when the data give one, else the mean of its entities' values.
    public struct Point: Sendable {
        public let period: Period
        public fileprivate(set) var value: Double
        fileprivate var hasTotal: Bool
        fileprivate var entitySum: Double
        fileprivate var entityCount: Int
    }

    public struct EntityValue: Sendable, Hashable {
        public var entity: String
        public var period: Period
        public var value: Double
    }

    public init(kpi: KPIID) { self.kpi = kpi }

    /// Makes room for about `count` periods, so a long series does not reallocate as it grows.
    public mutating func reserveCapacity(periods count: Int) {
        points.reserveCapacity(count)
    }

    /// Records a value; `entity` nil means the KPI's own (total) value for the period.
    public mutating func add(_ value: Double, period: Period, entity: String? = nil) {
        observationCount += 1
        let i = pointIndex(for: period)
        if let entity {
            entityValues.append(EntityValue(entity: entity, period: period, value: value))
            points[i].entitySum += value
            points[i].entityCount += 1
            if !points[i].hasTotal { points[i].value = points[i].entitySum / Double(points[i].entityCount) }
        } else {
            points[i].hasTotal = true
            points[i].value = value
        }
    }

    /// Records a period with no value (an empty cell): it counts as expected but missing.
    public mutating func addMissing(_ period: Period) {
        emptyPeriods.insert(period)
    }

    /// The value of `period`, if the series has one.
    public func value(at period: Period) -> Double? {
        let i = lowerBound(period)
        return i < points.count && points[i].period == period ? points[i].value : nil
    }

    /// Adds another part of the same KPI's values read after these: an append when it starts
    /// after this series ends (the usual case), value by value otherwise.
    public mutating func append(contentsOf other: KPISeries) {
        if let last = points.last, let first = other.points.first, last.period < first.period {
            points += other.points
            entityValues += other.entityValues
            observationCount += other.observationCount
            if let g = other.granularity, granularity.map({ g < $0 }) ?? true { granularity = g }
        } else if points.isEmpty, entityValues.isEmpty {
            let empty = emptyPeriods
            self = other
            emptyPeriods.formUnion(empty)
            return
        } else {
            // Every value read counts, including totals a later one replaced.
            let count = observationCount + other.observationCount
            for point in other.points where point.hasTotal { add(point.value, period: point.period) }
            for e in other.entityValues { add(e.value, period: e.period, entity: e.entity) }
            observationCount = count
        }
        emptyPeriods.formUnion(other.emptyPeriods)
    }

    /// Periods in order with their values.
    public var ordered: [(period: Period, value: Double)] { points.map { ($0.period, $0.value) } }

    // MARK: Finding a period's slot

    /// The index of `period`'s point, inserting an empty one in order when it is new.
    private mutating func pointIndex(for period: Period) -> Int {
        if let last = points.last {
            if last.period == period { return points.count - 1 }
            if last.period < period { return appendPoint(period) }
        } else {
            return appendPoint(period)
        }
        let i = lowerBound(period)
        if i < points.count, points[i].period == period { return i }
        points.insert(Point(period: period, value: .nan, hasTotal: false, entitySum: 0, entityCount: 0), at: i)
        noteGranularity(period)
        return i
    }

    private mutating func appendPoint(_ period: Period) -> Int {
        points.append(Point(period: period, value: .nan, hasTotal: false, entitySum: 0, entityCount: 0))
        noteGranularity(period)
        return points.count - 1
    }

    private mutating func noteGranularity(_ period: Period) {
        if granularity.map({ period.granularity < $0 }) ?? true { granularity = period.granularity }
    }

    /// The first index whose period is not before `period`.
    private func lowerBound(_ period: Period) -> Int {
        var lo = 0, hi = points.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if points[mid].period < period { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
