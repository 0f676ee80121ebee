/// The values loaded for a canvas's KPIs, one series per KPI.
public struct KPIValues: Sendable {
    public var series: [KPIID: KPISeries] = [:]
    public init() {}

    /// How many values were read in all.
    public var observationCount: Int { series.values.reduce(0) { $0 + $1.observationCount } }
}

/// One KPI's values: per period, and per entity (team, store, agent) where the data has them.
public struct KPISeries: Sendable {
    public var kpi: KPIID
    /// Values by period; entity-level values of a period are averaged when no total is given.
    public private(set) var byPeriod: [Period: Double] = [:]
    /// Entity-level values, for tests that look at how individual reports fall around a target.
    public private(set) var entityValues: [EntityValue] = []
    private var totals: [Period: Double] = [:]
    private var entitySums: [Period: (sum: Double, count: Int)] = [:]
    public private(set) var observationCount = 0

    public struct EntityValue: Sendable, Hashable {
        public var entity: String
        public var period: Period
        public var value: Double
    }

    public init(kpi: KPIID) { self.kpi = kpi }

    /// Makes room for about `count` periods, so a long series does not rehash as it grows.
    public mutating func reserveCapacity(periods count: Int) {
        byPeriod.reserveCapacity(count)
        totals.reserveCapacity(count)
    }

    /// Records a value; `entity` nil means the KPI's own (total) value for the period.
    public mutating func add(_ value: Double, period: Period, entity: String? = nil) {
        observationCount += 1
        if let entity {
            entityValues.append(EntityValue(entity: entity, period: period, value: value))
            let s = entitySums[period] ?? (0, 0)
            entitySums[period] = (s.sum + value, s.count + 1)
            if totals[period] == nil { byPeriod[period] = (s.sum + value) / Double(s.count + 1) }
        } else {
            totals[period] = value
            byPeriod[period] = value
        }
    }

    /// Records a period with no value (an empty cell): it counts as expected but missing.
    public mutating func addMissing(_ period: Period) {
        if byPeriod[period] == nil, totals[period] == nil { missingPeriods.insert(period) }
    }

    public private(set) var missingPeriods: Set<Period> = []

    /// The finest granularity present.
    public var granularity: Period.Granularity? { byPeriod.keys.map(\.granularity).min() }

    /// Periods in order with their values.
    public var ordered: [(period: Period, value: Double)] {
        byPeriod.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
