import Foundation
import PlumblineCore
import Testing

/// Synthetic KPI values for data-rule tests: seeded, so every run sees the same numbers.
struct SyntheticValues {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        let u1 = max(Double(rng.next() >> 11) / Double(1 << 53), 1e-300),
            u2 = Double(rng.next() >> 11) / Double(1 << 53)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    mutating func noise(_ n: Int, mean: Double = 100, sd: Double = 5) -> [Double] {
        (0..<n).map { _ in mean + sd * normal() }
    }

    mutating func trend(_ n: Int, from start: Double, slope: Double, sd: Double = 3) -> [Double] {
        (0..<n).map { start + slope * Double($0) + sd * normal() }
    }

    /// Weekly periods from 2023-W01.
    static func weeks(_ n: Int) -> [Period] {
        let first = Period("2023-W01")!.ordinal
        return (0..<n).map { Period(granularity: .week, ordinal: first + $0) }
    }
}

/// Builds small canvases and their values for the data rules.
enum DataFixture {
    static func kpi(
        _ id: String, direction: Direction = .increase, target: Double? = 100, level: ResultLevel = .output,
        frequency: Frequency = .weekly, serves: [String] = ["goal"], drives: [String] = []
    ) -> KPI {
        KPI(
            id: KPIID(id), name: id.capitalized, direction: direction, target: target.map(Target.value), level: level,
            frequency: frequency, serves: serves.map { ObjectiveID($0) }, drives: drives.map { KPIID($0) },
            accountable: ["team"])
    }

    static func canvas(_ kpis: [KPI], incentives: [Incentive] = []) -> Canvas {
        Canvas(
            kind: .kpiMisalignment, id: "data-fixture", title: "Data fixture",
            objectives: [Objective(id: "goal", statement: "Grow customer lifetime value")],
            participants: [Participant(id: "team", name: "Team", type: .team, decides: ["everything"])], kpis: kpis,
            incentives: incentives)
    }

    static func values(_ series: [String: [Double]], periods: [Period]? = nil) -> KPIValues {
        var values = KPIValues()
        for (id, xs) in series {
            let ps = periods ?? SyntheticValues.weeks(xs.count)
            var s = KPISeries(kpi: KPIID(id))
            for (p, v) in zip(ps, xs) where !v.isNaN { s.add(v, period: p) }
            values.series[KPIID(id)] = s
        }
        return values
    }

    /// Data rules do not use the knowledge base, so these tests run without it.
    static let engine = DiagnosisEngine(knowledge: .empty)

    static func findings(_ rule: String, _ canvas: Canvas, _ values: KPIValues) -> [Finding] {
        let analysis = CanvasAnalysis(canvas: canvas, canvasID: "data-fixture", knowledge: .empty, values: values)
        return engine.diagnose(analysis).activeFindings.filter { $0.rule == rule }
    }
}

@Suite struct DataRuleTests {
    typealias F = DataFixture

    // MARK: DATA-04

    @Test func data04FiresWhenTheLocalKPIRisesAndItsOutcomeFalls() {
        var g = SyntheticValues(seed: 4)
        let canvas = F.canvas([F.kpi("signups", drives: ["retention"]), F.kpi("retention", level: .outcome)])
        let values = F.values([
            "signups": g.trend(40, from: 100, slope: 1), "retention": g.trend(40, from: 90, slope: -0.5),
        ])
        let found = F.findings("DATA-04", canvas, values).filter { $0.severity == .error }
        #expect(found.map(\.subjects) == [["signups", "retention"]])
        #expect(found.first?.evidence["signups periods"] == 40)
        #expect(found.first?.evidence["retention Mann–Kendall S"]?.number ?? 0 < 0)
    }

    @Test func data04QuietWhenTheOutcomeIsFlat() {
        var g = SyntheticValues(seed: 4)
        let canvas = F.canvas([F.kpi("signups", drives: ["retention"]), F.kpi("retention", level: .outcome)])
        let values = F.values(["signups": g.trend(40, from: 100, slope: 1), "retention": g.noise(40)])
        #expect(F.findings("DATA-04", canvas, values).filter { $0.severity == .error }.isEmpty)
    }

    @Test func data04RefusesOnTooFewPeriods() {
        var g = SyntheticValues(seed: 4)
        let canvas = F.canvas([F.kpi("signups", drives: ["retention"]), F.kpi("retention", level: .outcome)])
        let found = F.findings(
            "DATA-04", canvas, F.values(["signups": g.trend(6, from: 1, slope: 1), "retention": g.noise(6)]))
        #expect(found.map(\.severity) == [.info])
        #expect(found.first?.message.hasPrefix("Not enough data") == true)
        #expect(found.first?.evidence["periods available"] == 6)
    }

    // MARK: DATA-08, DATA-09, DATA-10

    @Test func data08FiresWhenTheTargetIsMetByAHairAlmostAlways() {
        let values = [100.3, 100.5, 100.2, 100.6, 100.4, 100.1, 100.7, 100.3, 100.5, 100.2, 100.4, 90.0]
        let found = F.findings("DATA-08", F.canvas([F.kpi("fcr")]), F.values(["fcr": values]))
        #expect(found.map(\.subjects) == [["fcr"]])
        #expect(found.first?.evidence["periods meeting the target"] == 11)
    }

    @Test func data08QuietWhenTheTargetIsMetComfortably() {
        var g = SyntheticValues(seed: 8)
        #expect(
            F.findings("DATA-08", F.canvas([F.kpi("fcr")]), F.values(["fcr": g.noise(20, mean: 115, sd: 4)])).isEmpty)
    }

    @Test func data09FiresForAFeedThatStopped() {
        var g = SyntheticValues(seed: 9)
        var stale = g.noise(30)
        for i in 25..<30 { stale[i] = .nan }
        let found = F.findings(
            "DATA-09", F.canvas([F.kpi("a"), F.kpi("b")]), F.values(["a": stale, "b": g.noise(30)]))
        #expect(found.map(\.subjects) == [["a"]])
        #expect(found.first?.evidence["expected periods"] == 30)
        #expect(found.first?.evidence["periods with a value"] == 25)
    }

    @Test func data09QuietForTwoMissingPeriods() {
        var g = SyntheticValues(seed: 9)
        var gappy = g.noise(30)
        gappy[10] = .nan
        gappy[29] = .nan
        #expect(
            F.findings("DATA-09", F.canvas([F.kpi("a"), F.kpi("b")]), F.values(["a": gappy, "b": g.noise(30)])).isEmpty)
    }

    @Test func data10FiresForAnUnreachableTargetAndASlackOne() {
        var g = SyntheticValues(seed: 10)
        let never = F.findings("DATA-10", F.canvas([F.kpi("a")]), F.values(["a": g.noise(12, mean: 80, sd: 2)]))
        #expect(never.first?.message.contains("missed its target") == true)
        let slack = F.findings("DATA-10", F.canvas([F.kpi("a")]), F.values(["a": g.noise(12, mean: 150, sd: 2)]))
        #expect(slack.first?.message.contains("beat its target") == true)
        #expect(never.first?.severity == .info)
    }

    @Test func data10QuietForATargetSometimesMet() {
        var g = SyntheticValues(seed: 10)
        #expect(F.findings("DATA-10", F.canvas([F.kpi("a")]), F.values(["a": g.noise(12, mean: 100, sd: 5)])).isEmpty)
    }

    // MARK: DATA-01, DATA-02, DATA-03

    static func entityValues(_ values: [Double], kpi: String) -> KPIValues {
        var s = KPISeries(kpi: KPIID(kpi))
        let weeks = SyntheticValues.weeks(10)
        for (i, v) in values.enumerated() { s.add(v, period: weeks[i % 10], entity: "agent-\(i)") }
        var all = KPIValues()
        all.series[KPIID(kpi)] = s
        return all
    }

    @Test func data01FiresWhenReportsPileUpJustPastTheTarget() {
        var g = SyntheticValues(seed: 1)
        var values = g.noise(500, mean: 100, sd: 15)
        values += (0..<120).map { _ in 100 + 2 * Double(g.rng.next() % 1000) / 1000 }
        let found = F.findings("DATA-01", F.canvas([F.kpi("csat")]), Self.entityValues(values, kpi: "csat"))
        #expect(found.map(\.subjects) == [["csat"]])
        #expect(found.first?.severity == .error)
        #expect(found.first?.evidence["excess mass"]?.number ?? 0 > 50)
    }

    @Test func data01QuietForASmoothDistributionAndDecreaseKPIsMirror() {
        var g = SyntheticValues(seed: 1)
        let smooth = F.findings(
            "DATA-01", F.canvas([F.kpi("csat")]), Self.entityValues(g.noise(600, mean: 100, sd: 15), kpi: "csat"))
        #expect(smooth.isEmpty)
        // For a lower-is-better KPI the good side is below the target.
        var below = g.noise(500, mean: 100, sd: 15)
        below += (0..<120).map { _ in 100 - 2 * Double(g.rng.next() % 1000) / 1000 - 0.001 }
        let found = F.findings(
            "DATA-01", F.canvas([F.kpi("aht", direction: .decrease)]), Self.entityValues(below, kpi: "aht"))
        #expect(found.map(\.subjects) == [["aht"]])
    }

    @Test func data01RefusesBelowTwoHundredValues() {
        var g = SyntheticValues(seed: 1)
        let found = F.findings("DATA-01", F.canvas([F.kpi("csat")]), Self.entityValues(g.noise(150), kpi: "csat"))
        #expect(found.map(\.severity) == [.info])
    }

    static func daily(_ months: Int, push: Double, seed: UInt64) -> (KPIValues, Int) {
        var g = SyntheticValues(seed: seed)
        var s = KPISeries(kpi: "bookings")
        var day = CalendarDate("2025-01-01")!.dayNumber
        let end = CalendarDate(year: 2025 + months / 12, month: months % 12 + 1, day: 1)!.dayNumber
        var count = 0
        while day < end {
            let date = CalendarDate(dayNumber: day)
            let lastDay =
                CalendarDate(year: date.year, month: date.month, day: 28).map { _ in
                    CalendarDate(dayNumber: day + 1).month != date.month
                } ?? false
            s.add(100 + 5 * g.normal() + (lastDay ? push : 0), period: Period(date.description)!)
            day += 1
            count += 1
        }
        var v = KPIValues()
        v.series["bookings"] = s
        return (v, count)
    }

    @Test func data02FiresForAMonthEndSpike() {
        let (values, _) = Self.daily(12, push: 40, seed: 2)
        let found = F.findings("DATA-02", F.canvas([F.kpi("bookings", frequency: .monthly)]), values)
        #expect(found.map(\.subjects) == [["bookings"]])
        #expect(found.first?.evidence["periods"] == 12)
    }

    @Test func data02QuietWithoutASpike() {
        let (values, _) = Self.daily(12, push: 0, seed: 2)
        #expect(F.findings("DATA-02", F.canvas([F.kpi("bookings", frequency: .monthly)]), values).isEmpty)
    }

    @Test func data03FiresForRoundedNumbers() {
        var g = SyntheticValues(seed: 3)
        let rounded = g.noise(150, mean: 100, sd: 20).map { ($0 / 5).rounded() * 5 + (g.rng.next() % 4 == 0 ? 1 : 0) }
        let found = F.findings("DATA-03", F.canvas([F.kpi("units")]), F.values(["units": rounded]))
        #expect(found.map(\.subjects) == [["units"]])
        #expect(found.first?.evidence["values"] == 150)
    }

    @Test func data03QuietForMeasuredNumbers() {
        var g = SyntheticValues(seed: 33)
        let measured = g.noise(150, mean: 100, sd: 20).map { ($0 * 100).rounded() / 100 }
        #expect(F.findings("DATA-03", F.canvas([F.kpi("units")]), F.values(["units": measured])).isEmpty)
    }

    // MARK: DATA-05, DATA-07, DATA-11

    @Test func data05FiresWhenTheIncentiveDecouplesTheKPI() {
        var g = SyntheticValues(seed: 5)
        let common = g.noise(40, mean: 0, sd: 5)
        var kpi = (0..<40).map { 100 + common[$0] + g.normal() }
        let outcome = (0..<40).map { 50 + (Double($0) < 20 ? common[$0] : 5 * g.normal()) + g.normal() }
        for i in 20..<40 { kpi[i] = 120 + 2 * g.normal() }
        let weeks = SyntheticValues.weeks(40)
        let since = weeks[20].start
        let canvas = F.canvas(
            [F.kpi("handled", drives: ["resolved"]), F.kpi("resolved", level: .outcome)],
            incentives: [Incentive(id: "bonus", recipient: "team", kind: .reward, tiedTo: ["handled"], since: since)])
        let found = F.findings("DATA-05", canvas, F.values(["handled": kpi, "resolved": outcome]))
        #expect(found.map(\.subjects) == [["bonus", "handled", "resolved"]])
        #expect(found.first?.evidence["periods before"] == 20)
    }

    @Test func data05QuietWhenTheRelationHolds() {
        var g = SyntheticValues(seed: 5)
        let common = g.noise(40, mean: 0, sd: 5)
        let kpi = (0..<40).map { 100 + common[$0] + g.normal() }
        let outcome = (0..<40).map { 50 + common[$0] + g.normal() }
        let canvas = F.canvas(
            [F.kpi("handled", drives: ["resolved"]), F.kpi("resolved", level: .outcome)],
            incentives: [
                Incentive(
                    id: "bonus", recipient: "team", kind: .reward, tiedTo: ["handled"],
                    since: SyntheticValues.weeks(40)[20].start)
            ])
        #expect(F.findings("DATA-05", canvas, F.values(["handled": kpi, "resolved": outcome])).isEmpty)
    }

    @Test func data07FiresForADriverThatLeadsNothing() {
        var g = SyntheticValues(seed: 7)
        let canvas = F.canvas([F.kpi("visits", drives: ["sales"]), F.kpi("sales", level: .outcome)])
        let found = F.findings("DATA-07", canvas, F.values(["visits": g.noise(60), "sales": g.noise(60)]))
        #expect(found.map(\.subjects) == [["visits", "sales"]])
        #expect(found.first?.evidence["shared periods"] == 60)
    }

    @Test func data07QuietForADriverThatLeads() {
        var g = SyntheticValues(seed: 7)
        let visits = g.noise(60, mean: 100, sd: 10)
        let sales = (0..<60).map { $0 == 0 ? 50 : 50 + 0.8 * (visits[$0 - 1] - 100) + 2 * g.normal() }
        let canvas = F.canvas([F.kpi("visits", drives: ["sales"]), F.kpi("sales", level: .outcome)])
        #expect(F.findings("DATA-07", canvas, F.values(["visits": visits, "sales": sales])).isEmpty)
    }

    @Test func data11FiresForKPIsTradingOff() {
        var g = SyntheticValues(seed: 11)
        let shock = g.noise(50, mean: 0, sd: 5)
        let a = (0..<50).map { 100 + shock[$0] + g.normal() }
        let b = (0..<50).map { 100 - shock[$0] + g.normal() }
        let found = F.findings(
            "DATA-11", F.canvas([F.kpi("speed"), F.kpi("quality")]), F.values(["speed": a, "quality": b]))
        #expect(found.map(\.subjects) == [["speed", "quality", "goal"]])
        #expect((found.first?.evidence["prewhitened correlation"]?.number ?? 0) < -0.5)
    }

    @Test func data11QuietForIndependentKPIs() {
        var g = SyntheticValues(seed: 11)
        #expect(
            F.findings(
                "DATA-11", F.canvas([F.kpi("speed"), F.kpi("quality")]),
                F.values(["speed": g.noise(50), "quality": g.noise(50)])
            ).isEmpty)
    }
}

/// Clean controls: on series with no planted problem, each statistical data rule fires on
/// fewer than 5 % of 200 cases.
@Suite struct DataRuleFalsePositiveTests {
    typealias F = DataFixture
    static let cases = 200

    static func rate(_ rule: String, _ make: (inout SyntheticValues) -> (Canvas, KPIValues)) -> Double {
        var g = SyntheticValues(seed: 2026)
        var fired = 0
        for _ in 0..<cases {
            let (canvas, values) = make(&g)
            if F.findings(rule, canvas, values).contains(where: {
                $0.severity >= .warning || ($0.rule == "DATA-03" && !$0.message.hasPrefix("Not enough"))
            }) {
                fired += 1
            }
        }
        return Double(fired) / Double(cases)
    }

    @Test func data04() {
        let r = Self.rate("DATA-04") { g in
            (
                F.canvas([F.kpi("a", drives: ["b"]), F.kpi("b", level: .outcome)]),
                F.values(["a": g.noise(52), "b": g.noise(52)])
            )
        }
        #expect(r < 0.05, "false-positive rate \(r)")
    }

    @Test func data07() {
        // A real one-period lead, weak but present: the rule must not call it unsupported.
        let r = Self.rate("DATA-07") { g in
            let x = g.noise(80, mean: 0, sd: 1)
            let y = (0..<80).map { $0 == 0 ? 0 : 0.7 * x[$0 - 1] + 0.7 * g.normal() }
            return (F.canvas([F.kpi("a", drives: ["b"]), F.kpi("b", level: .outcome)]), F.values(["a": x, "b": y]))
        }
        #expect(r < 0.05, "false-positive rate \(r)")
    }

    @Test func data11() {
        let r = Self.rate("DATA-11") { g in
            (F.canvas([F.kpi("a"), F.kpi("b")]), F.values(["a": g.noise(40), "b": g.noise(40)]))
        }
        #expect(r < 0.05, "false-positive rate \(r)")
    }

    @Test func data01() {
        let r = Self.rate("DATA-01") { g in
            (F.canvas([F.kpi("a")]), DataRuleTests.entityValues(g.noise(400, mean: 100, sd: 15), kpi: "a"))
        }
        #expect(r < 0.05, "false-positive rate \(r)")
    }

    @Test func data03() {
        let r = Self.rate("DATA-03") { g in
            (
                F.canvas([F.kpi("a")]),
                F.values(["a": g.noise(120, mean: 100, sd: 20).map { ($0 * 100).rounded() / 100 }])
            )
        }
        #expect(r < 0.05, "false-positive rate \(r)")
    }

    @Test func data05() {
        let r = Self.rate("DATA-05") { g in
            let common = g.noise(40, mean: 0, sd: 5)
            let canvas = F.canvas(
                [F.kpi("k", drives: ["o"]), F.kpi("o", level: .outcome)],
                incentives: [
                    Incentive(
                        id: "i", recipient: "team", kind: .reward, tiedTo: ["k"],
                        since: SyntheticValues.weeks(40)[20].start)
                ])
            return (canvas, F.values(["k": common.map { $0 + g.normal() }, "o": common.map { $0 + g.normal() }]))
        }
        #expect(r < 0.05, "false-positive rate \(r)")
    }

    @Test func data08And10() {
        let r8 = Self.rate("DATA-08") { g in (F.canvas([F.kpi("a")]), F.values(["a": g.noise(24, mean: 100, sd: 5)])) }
        let r10 = Self.rate("DATA-10") { g in (F.canvas([F.kpi("a")]), F.values(["a": g.noise(24, mean: 100, sd: 5)])) }
        #expect(r8 < 0.05, "DATA-08 false-positive rate \(r8)")
        #expect(r10 < 0.05, "DATA-10 false-positive rate \(r10)")
    }
}
