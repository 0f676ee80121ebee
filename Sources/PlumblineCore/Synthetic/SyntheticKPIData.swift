import RealModule

/// A large organisation with years of weekly KPI values and a known set of planted problems, so
/// a benchmark can say both how fast the data rules are and how many of the problems they find.
///
/// KPIs come in groups of fifty, one group per objective. In every group KPI 0 is the outcome;
/// KPIs 1–3 drive it with a one-week lag, KPI 5 moves with it in the same week and carries an
/// incentive, KPI 12 reports entity-level values (ten teams a week) and KPI 13 is a monthly KPI
/// with weekly values. The first groups each receive one planted problem of one data rule, in
/// turn; the rest stay clean and serve as controls, as do all untouched KPIs of planted groups.
public struct SyntheticKPIData: Sendable {
    /// One problem put into the data on purpose, as the finding that should reveal it.
    public struct PlantedProblem: Sendable, Hashable, Codable {
        public var rule: String
        public var subjects: [String]
    }

    public var kpiCount: Int
    public var participantCount: Int
    public var weeks: Int
    public var seed: UInt64
    /// Groups per rule that receive a planted problem (fewer when the organisation is small).
    public var plantedPerRule: Int

    public static let groupSize = 50
    /// The data rules planted, in the order groups receive them.
    public static let plantedRules = [
        "DATA-01", "DATA-02", "DATA-03", "DATA-04", "DATA-05", "DATA-07", "DATA-08", "DATA-09", "DATA-10", "DATA-11",
    ]
    static let entitiesPerWeek = 10

    public init(
        kpiCount: Int = 10_000, participantCount: Int = 2_000, weeks: Int = 260, seed: UInt64 = 42,
        plantedPerRule: Int = 10
    ) {
        self.kpiCount = max(Self.groupSize, kpiCount)
        self.participantCount = max(2, participantCount)
        self.weeks = max(60, weeks)
        self.seed = seed
        self.plantedPerRule = plantedPerRule
    }

    /// The generated canvas, its values and the planted truth.
    public struct Output: Sendable {
        public var canvas: Canvas
        public var values: KPIValues
        public var planted: [PlantedProblem]
        /// Weekly periods, oldest first.
        public var periods: [Period]
    }

    public var groupCount: Int { kpiCount / Self.groupSize }

    /// Which rule group `g` plants, or nil for a clean group.
    public func plantedRule(ofGroup g: Int) -> String? {
        // At most half the groups are planted, so clean controls always outnumber them.
        let perRule = min(plantedPerRule, max(1, groupCount / (2 * Self.plantedRules.count)))
        let index = g / perRule
        return index < Self.plantedRules.count ? Self.plantedRules[index] : nil
    }

    public func generate() -> Output {
        var rng = SeededGenerator(seed: seed)
        let first = Period("2022-W01")!.ordinal
        let periods = (0..<weeks).map { Period(granularity: .week, ordinal: first + $0) }
        var canvas = Canvas(
            kind: .kpiMisalignment, id: "synthetic-data",
            title: "Synthetic organisation: \(kpiCount) KPIs, \(weeks) weeks of values")
        canvas.context = ["industry": "synthetic", "size": String(participantCount)]
        canvas.participants = Self.participants(participantCount)
        let owners = canvas.participants.dropFirst().map(\.id)
        var values = KPIValues()
        var planted: [PlantedProblem] = []

        for g in 0..<groupCount {
            var group = Group(g: g, weeks: weeks, periods: periods, owners: owners, rng: rng)
            group.build(planting: plantedRule(ofGroup: g))
            rng = group.rng
            canvas.objectives.append(group.objective)
            canvas.kpis += group.kpis
            canvas.incentives += group.incentives
            for series in group.series { values.series[series.kpi] = series }
            planted += group.planted
        }
        return Output(canvas: canvas, values: values, planted: planted, periods: periods)
    }

    /// A reporting tree: a board, then layers of ten units.
    static func participants(_ count: Int) -> [Participant] {
        var list = [Participant(id: "board", name: "Board", type: .oversight, decides: ["strategy"])]
        for i in 1..<count {
            let parent: ParticipantID = i <= 10 ? "board" : ParticipantID("p-\((i - 1) / 10)")
            list.append(
                Participant(
                    id: ParticipantID("p-\(i)"), name: "Unit \(i)", type: .team, reportsTo: parent,
                    escalatesTo: parent, decides: ["budget"]))
        }
        return list
    }
}

// MARK: - One group

extension SyntheticKPIData {
    /// One objective's fifty KPIs and their series, with at most one planted problem.
    struct Group {
        let g: Int
        let weeks: Int
        let periods: [Period]
        let owners: [ParticipantID]
        var rng: SeededGenerator
        var objective: Objective
        var kpis: [KPI] = []
        var incentives: [Incentive] = []
        var series: [KPISeries] = []
        var planted: [PlantedProblem] = []

        init(g: Int, weeks: Int, periods: [Period], owners: [ParticipantID], rng: SeededGenerator) {
            self.g = g
            self.weeks = weeks
            self.periods = periods
            self.owners = owners
            self.rng = rng
            objective = Objective(
                id: ObjectiveID("objective-\(g)"), statement: "Objective \(g): grow customer value in segment \(g)",
                horizon: .medium, priority: 1 + g % 5)
        }

        func id(_ j: Int) -> KPIID { KPIID("kpi-\(g * SyntheticKPIData.groupSize + j)") }

        mutating func normal() -> Double {
            let u1 = max(Double(rng.next() >> 11) / Double(1 << 53), 1e-300)
            let u2 = Double(rng.next() >> 11) / Double(1 << 53)
            return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * .pi * u2)
        }

        mutating func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }

        /// Stationary AR(1) noise around zero.
        mutating func noise(sd: Double = 5, phi: Double = 0.3) -> [Double] {
            var x = [Double](repeating: 0, count: weeks)
            let innovation = sd * (1 - phi * phi).squareRoot()
            var previous = sd * normal()
            for t in 0..<weeks {
                previous = phi * previous + innovation * normal()
                x[t] = previous
            }
            return x
        }

        mutating func build(planting rule: String?) {
            let n = SyntheticKPIData.groupSize
            // Signals in "good" units: higher is better before a KPI's direction is applied.
            var signal = (0..<n).map { _ in noise() }
            var target: [Double?] = Array(repeating: 0, count: n)  // offset from the baseline of 100
            var frequency = [Frequency](repeating: .weekly, count: n)
            frequency[13] = .monthly
            var drives: [[Int]] = Array(repeating: [], count: n)
            for j in 1...3 { drives[j] = [0] }
            var incentiveSince: Int? = weeks / 2
            var stopsEarly: Int?
            var roundToFive = false
            var bunch = false
            var monthEndPush = false

            // Planted problems change signals before the outcome is assembled from its drivers.
            switch rule {
            case "DATA-04":
                for t in 0..<weeks { signal[4][t] += 0.1 * Double(t) }
                target[4] = nil
                incentiveSince = nil  // a falling outcome would make any incentive look decoupled
                plant(rule, [4, 0])
            case "DATA-05":
                plant(rule, [-1, 5, 0])
            case "DATA-07":
                drives[6] = [0]
                plant(rule, [6, 0])
            case "DATA-08":
                for t in 0..<weeks { signal[7][t] = t % 20 == 19 ? -10 : 0.1 + 0.5 * uniform() }
                plant(rule, [7])
            case "DATA-09":
                stopsEarly = weeks - 10
                plant(rule, [8])
            case "DATA-10":
                target[9] = 30
                plant(rule, [9])
            case "DATA-11":
                let shock = noise(sd: 5, phi: 0)
                for t in 0..<weeks {
                    signal[10][t] = 0.2 * signal[10][t] + shock[t]
                    signal[11][t] = 0.2 * signal[11][t] - shock[t]
                }
                plant(rule, [10, 11, -2])
            case "DATA-01":
                bunch = true
                plant(rule, [12])
            case "DATA-02":
                monthEndPush = true
                plant(rule, [13])
            case "DATA-03":
                roundToFive = true
                plant(rule, [14])
            default:
                if g % 2 == 1 { incentiveSince = nil }
            }

            // The outcome: led by KPIs 1–3 a week later, moving with KPI 5 in the same week.
            let decoupleAt = rule == "DATA-05" ? weeks / 2 : weeks
            var outcome = noise(sd: 3, phi: 0)
            for t in 0..<weeks {
                if t > 0 { outcome[t] += 0.6 * (signal[1][t - 1] + signal[2][t - 1] + signal[3][t - 1]) }
                if t < decoupleAt { outcome[t] += 0.8 * signal[5][t] }
                if rule == "DATA-04" { outcome[t] -= 0.08 * Double(t) }
            }
            signal[0] = outcome
            if rule == "DATA-04" { target[0] = nil }
            if rule == "DATA-05" {
                // After the incentive, KPI 5 jumps and no longer says anything about the outcome.
                let fresh = noise(sd: 2, phi: 0)
                for t in decoupleAt..<weeks { signal[5][t] = 15 + fresh[t] }
                target[5] = nil
            }

            for j in 0..<n {
                let direction: Direction = j % 4 == 3 ? .decrease : .increase
                let sign = direction == .increase ? 1.0 : -1.0
                let kpiID = id(j)
                kpis.append(
                    KPI(
                        id: kpiID, name: "Segment \(g) measure \(j)", unit: "points", direction: direction,
                        target: target[j].map { .value(100 + sign * $0) },
                        level: j == 0 ? .outcome : .output, frequency: frequency[j],
                        blocks: [BusinessModelBlock.allCases[j % 9]], serves: [objective.id],
                        drives: drives[j].map(id), accountable: [owners[(g * 7 + j) % owners.count]],
                        source: "warehouse"))
                var s = KPISeries(kpi: kpiID)
                let end = j == 8 ? (stopsEarly ?? weeks) : weeks
                for t in 0..<end {
                    var v = 100 + sign * signal[j][t]
                    if j == 13, monthEndPush, Self.isLastWeekOfMonth(periods[t]) { v += sign * 15 }
                    if j == 14, roundToFive { v = (v / 5).rounded() * 5 } else { v = (v * 100).rounded() / 100 }
                    if j == 12 {
                        // Ten teams report each week; their mean is the KPI's weekly value.
                        for e in 0..<SyntheticKPIData.entitiesPerWeek {
                            var x = v + 15 * normal()
                            if bunch, uniform() < 0.2 { x = 100 + sign * (0.05 + 2.5 * uniform()) }
                            s.add((x * 100).rounded() / 100, period: periods[t], entity: "team-\(e)")
                        }
                    } else {
                        s.add(v, period: periods[t])
                    }
                }
                series.append(s)
            }
            if let since = incentiveSince {
                let incentive = Incentive(
                    id: IncentiveID("bonus-\(g)"), recipient: owners[(g * 7 + 5) % owners.count], kind: .reward,
                    tiedTo: [id(5)], weight: 0.2, shape: .linear, since: periods[since].start)
                incentives.append(incentive)
            }
        }

        /// Records the planted problem; -1 stands for the group's incentive, -2 for its objective.
        mutating func plant(_ rule: String?, _ members: [Int]) {
            guard let rule else { return }
            let subjects = members.map { j in
                j == -1 ? "bonus-\(g)" : j == -2 ? objective.id.rawValue : id(j).rawValue
            }
            planted.append(PlantedProblem(rule: rule, subjects: subjects))
        }

        static func isLastWeekOfMonth(_ week: Period) -> Bool {
            let next = Period(granularity: .week, ordinal: week.ordinal + 1)
            return week.containing(.month) != next.containing(.month)
        }
    }
}
