import Foundation
import PlumblineCore
import PlumblineRender
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// KPI charts drawn from the shipped examples' values, and from hand-made series that probe the
/// edge cases: the SVG is valid, and its geometry is what a reader would expect.
@Suite struct KPIChartTests {
    // MARK: Fixtures

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let engine = DiagnosisEngine(knowledge: try! KnowledgeBase.bundled())
    static let examplesWithValues = ["saas-growth-vs-retention.yaml", "warehouse-efficiency-vs-experience.yaml"]

    /// The chart data of every KPI with values in an example, diagnosed as `plumb check` does.
    static func chartData(_ name: String) throws -> [KPIChartData] {
        let url = root.appendingPathComponent("examples").appendingPathComponent(name)
        let document = try CanvasReader().read([UInt8](Data(contentsOf: url)), file: url.path)
        var values = KPIValues(inline: document.canvas)
        let known = Set(document.canvas.kpis.map(\.id.rawValue))
        for case .file(let path, _) in document.canvas.data {
            let file = url.deletingLastPathComponent().appendingPathComponent(path)
            var importer = KPIValueImport(file: file.path, knownKPIs: known)
            importer.consume([UInt8](try Data(contentsOf: file)))
            let loaded = importer.finish()
            values.merge(try #require(loaded, "\(importer.issues)"))
        }
        let diagnosis = engine.diagnose(document, values: values)
        return KPIChartData.all(canvas: document.canvas, diagnosis: diagnosis)
    }

    static func chart(_ example: String, kpi: String, style: KPIChartStyle = .standard) throws -> KPIChart {
        let data = try #require(chartData(example).first { $0.kpi.id.rawValue == kpi })
        return KPIChart(data, style: style)
    }

    static func isWellFormedXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    /// A monthly series from 2024-01 with the given values (NaN for a gap).
    static func monthly(
        _ values: [Double], direction: Direction? = .increase, target: Target? = nil, name: String = "Test KPI",
        unit: String? = "units", findings: [Finding] = [], incentives: [Incentive] = []
    ) -> KPIChartData {
        let kpi = KPI(id: KPIID("test-kpi"), name: name, unit: unit, direction: direction, target: target)
        let series = ChartSeries(
            granularity: .month, firstOrdinal: Period("2024-01")!.ordinal, values: values)
        return KPIChartData(kpi: kpi, series: series, incentives: incentives, findings: findings)
    }

    /// Checks that hold for every chart: valid XML, points in the plot, labels apart and inside.
    static func expectSane(_ chart: KPIChart, _ context: String = "") {
        let name = chart.data.kpi.id.rawValue + context
        #expect(isWellFormedXML(chart.svg), "\(name): SVG does not parse")
        for p in chart.points {
            #expect(chart.plot.contains(x: p.x, y: p.y), "\(name): point \(p.period) outside the plot")
        }
        for ticks in [chart.yTicks, chart.xTicks] {
            for (a, b) in zip(ticks, ticks.dropFirst()) {
                #expect(!a.box.overlaps(b.box), "\(name): tick labels \(a.text) and \(b.text) overlap")
            }
        }
        var labels = chart.yTicks.map(\.box) + chart.xTicks.map(\.box) + chart.annotations.map(\.box)
        labels += chart.incentiveMarks.map(\.label.box) + [chart.title.box, chart.subtitle.box]
        if let unit = chart.unitLabel { labels.append(unit.box) }
        if let target = chart.target { labels.append(target.label.box) }
        for box in labels { #expect(chart.bounds.contains(box), "\(name): \(box) leaves the chart") }
        #expect(!chart.xTicks.isEmpty, "\(name): no period labels")
        #expect(chart.yTicks.count >= 2, "\(name): fewer than two value labels")
    }

    // MARK: The examples

    @Test(arguments: examplesWithValues)
    func everyExampleChartIsValidAndTidy(_ example: String) throws {
        let data = try Self.chartData(example)
        #expect(data.count >= 4, "expected the example's value file to cover several KPIs")
        for d in data {
            Self.expectSane(KPIChart(d))
            Self.expectSane(KPIChart(d, style: .compact), " (compact)")
        }
    }

    @Test func targetLineSitsAtTheTargetValue() throws {
        let chart = try Self.chart("saas-growth-vs-retention.yaml", kpi: "signups")
        let target = try #require(chart.target)
        // Interpolate between the outermost gridlines, independently of the chart's own scale.
        let low = try #require(chart.yTicks.first), high = try #require(chart.yTicks.last)
        let expected = low.box.midY + (400 - low.value) / (high.value - low.value) * (high.box.midY - low.box.midY)
        #expect(target.ys.count == 1)
        #expect(abs(target.ys[0] - expected) < 0.01)
        #expect(target.label.text == "target 400")
    }

    @Test func monthlyIncentiveStartsBetweenItsMonthAndThePrevious() throws {
        let chart = try Self.chart("saas-growth-vs-retention.yaml", kpi: "signups")
        let mark = try #require(chart.incentiveMarks.first { $0.incentive == "sales-bonus" })
        let before = try #require(chart.points.first { $0.period == Period("2024-12") })
        let after = try #require(chart.points.first { $0.period == Period("2025-01") })
        #expect(abs(mark.x - (before.x + after.x) / 2) < 0.01)
        #expect(mark.label.text.contains("2025-01-01"))
    }

    @Test func weeklyIncentiveStartsPartWayThroughItsWeek() throws {
        // site-bonus since 2025-04-01, the Tuesday of ISO week 2025-W14.
        let chart = try Self.chart("warehouse-efficiency-vs-experience.yaml", kpi: "picks-per-hour")
        let mark = try #require(chart.incentiveMarks.first { $0.incentive == "site-bonus" })
        let w13 = try #require(chart.points.first { $0.period == Period("2025-W13") })
        let w14 = try #require(chart.points.first { $0.period == Period("2025-W14") })
        let slot = w14.x - w13.x
        #expect(abs(mark.x - (w14.x - slot / 2 + slot / 7)) < 0.01)
    }

    @Test(arguments: examplesWithValues)
    func kpisWithFindingsAreAnnotated(_ example: String) throws {
        var annotated = 0
        for d in try Self.chartData(example) where !d.findings.isEmpty {
            let chart = KPIChart(d)
            #expect(!chart.annotations.isEmpty, "\(d.kpi.id): findings but no annotation")
            #expect(chart.annotations.count + chart.hiddenFindings == d.findings.count)
            let first = try #require(chart.annotations.first)
            #expect(first.finding == d.findings[0], "the most severe finding comes first")
            #expect(first.label.text.hasPrefix(first.finding.rule))
            // The full message is the annotation's tooltip.
            #expect(chart.svg.contains("<title>" + SVGDocument.escape("\(first.finding.rule) (")))
            annotated += 1
        }
        #expect(annotated > 0, "the example's data rules should concern some charted KPI")
    }

    @Test func dataFindingOnSignupsIsAnnotated() throws {
        let chart = try Self.chart("saas-growth-vs-retention.yaml", kpi: "signups")
        let rules = chart.annotations.map(\.finding.rule) + chart.data.findings.map(\.rule)
        #expect(rules.contains { $0.hasPrefix("DATA-") }, "signups should carry a data finding: \(rules)")
    }

    // MARK: The better side

    @Test func goodSideIsAboveTargetForIncrease() throws {
        let chart = KPIChart(Self.monthly([10, 20, 30, 40], direction: .increase, target: .value(25)))
        let good = try #require(chart.goodSide)
        #expect(abs(good.y - chart.plot.y) < 0.01)
        #expect(abs(good.maxY - chart.y(for: 25)) < 0.01)
        let high = try #require(chart.points.last), low = try #require(chart.points.first)
        #expect(good.contains(x: high.x, y: high.y))
        #expect(!good.contains(x: low.x, y: low.y))
    }

    @Test func goodSideIsBelowTargetForDecrease() throws {
        let chart = KPIChart(Self.monthly([10, 20, 30, 40], direction: .decrease, target: .value(25)))
        let good = try #require(chart.goodSide)
        #expect(abs(good.y - chart.y(for: 25)) < 0.01)
        #expect(abs(good.maxY - chart.plot.maxY) < 0.01)
        let high = try #require(chart.points.last), low = try #require(chart.points.first)
        #expect(good.contains(x: low.x, y: low.y))
        #expect(!good.contains(x: high.x, y: high.y))
    }

    @Test func rangeTargetDrawsABandAndShadesInsideIt() throws {
        let chart = KPIChart(Self.monthly([90, 100, 110, 97], direction: .range, target: .band(min: 95, max: 105)))
        let target = try #require(chart.target)
        #expect(target.ys.count == 2)
        let good = try #require(chart.goodSide)
        #expect(abs(good.y - chart.y(for: 105)) < 0.01)
        #expect(abs(good.maxY - chart.y(for: 95)) < 0.01)
        #expect(target.label.text == "target 95–105")
    }

    @Test func shadingFollowsTheExamplesDirections() throws {
        let data = try Self.chartData("saas-growth-vs-retention.yaml")
        let signups = KPIChart(try #require(data.first { $0.kpi.id.rawValue == "signups" }))
        let churn = KPIChart(try #require(data.first { $0.kpi.id.rawValue == "churn-rate" }))
        #expect(churn.data.kpi.direction == .decrease)
        let up = try #require(signups.goodSide), down = try #require(churn.goodSide)
        #expect(abs(up.y - signups.plot.y) < 0.01, "increase: shaded from the top of the plot")
        #expect(abs(down.maxY - churn.plot.maxY) < 0.01, "decrease: shaded down to the bottom of the plot")
    }

    // MARK: Edge cases

    @Test func singlePointSitsMidPlot() throws {
        let chart = KPIChart(Self.monthly([42], target: .value(50)))
        Self.expectSane(chart)
        let point = try #require(chart.points.first)
        #expect(chart.points.count == 1)
        #expect(abs(point.x - chart.plot.midX) < 0.01)
        #expect(chart.xTicks.map(\.text) == ["2024-01"])
    }

    @Test func constantSeriesGetsARealAxis() throws {
        let chart = KPIChart(Self.monthly(Array(repeating: 7, count: 12), target: nil))
        Self.expectSane(chart)
        #expect(chart.yDomain.upperBound > chart.yDomain.lowerBound)
        #expect(chart.yDomain.contains(7))
        #expect(Set(chart.points.map(\.y)).count == 1)
        #expect(chart.points[0].y > chart.plot.y && chart.points[0].y < chart.plot.maxY)
    }

    @Test func constantZeroSeriesGetsARealAxis() {
        let chart = KPIChart(Self.monthly([0, 0, 0], target: nil))
        Self.expectSane(chart)
        #expect(chart.yDomain.lowerBound < 0 && chart.yDomain.upperBound > 0)
    }

    @Test func negativeValuesAreLabelledWithMinusSigns() throws {
        let chart = KPIChart(Self.monthly([-50, -20, -3, -41], direction: .increase, target: .value(-10)))
        Self.expectSane(chart)
        #expect(chart.yDomain.lowerBound <= -50 && chart.yDomain.upperBound >= -3)
        #expect(chart.yTicks.contains { $0.text.hasPrefix("−") })
        let good = try #require(chart.goodSide)
        #expect(abs(good.maxY - chart.y(for: -10)) < 0.01)
    }

    @Test func gapsBreakTheLine() throws {
        let chart = KPIChart(Self.monthly([1, 2, .nan, 4, 5, .nan, .nan, 8], target: .value(3)))
        Self.expectSane(chart)
        #expect(chart.points.map(\.index) == [0, 1, 3, 4, 7])
        let path = try #require(chart.svg.split(separator: "\n").first { $0.contains("<path d=") })
        // One subpath per run of consecutive values: 1-2, 4-5 and the lone 8.
        #expect(path.filter { $0 == "M" }.count == 3)
        // The lone value after the gap still gets its own dot.
        #expect(chart.svg.components(separatedBy: "<circle").count - 1 >= 5)
    }

    @Test func absentValuesFromPeriodListsLeaveGaps() {
        let series = ChartSeries([
            PeriodValue(Period("2024-01")!, 3), PeriodValue(Period("2024-02")!, nil),
            PeriodValue(Period("2024-04")!, 5),
        ])
        #expect(series.count == 4)
        #expect(series.values[0] == 3 && series.values[1].isNaN && series.values[2].isNaN && series.values[3] == 5)
        let chart = KPIChart(KPIChartData(kpi: KPI(id: KPIID("k"), name: "K"), series: series))
        Self.expectSane(chart)
        #expect(chart.points.count == 2)
    }

    @Test func noTargetMeansNoLineAndNoShading() {
        let chart = KPIChart(Self.monthly([3, 1, 4, 1, 5, 9, 2, 6], direction: .increase, target: nil))
        Self.expectSane(chart)
        #expect(chart.target == nil)
        #expect(chart.goodSide == nil)
        #expect(!chart.svg.contains("class=\"good-side\""))
    }

    @Test func veryLongNamesAreWrappedAndEllipsized() {
        let name = String(repeating: "Extraordinarily long KPI name that keeps going ", count: 8)
        for style in [KPIChartStyle.standard, .compact] {
            let chart = KPIChart(
                Self.monthly([1, 2, 3], name: name, unit: String(repeating: "unit ", count: 40)), style: style)
            Self.expectSane(chart)
            #expect(chart.title.lines.count == style.titleLines)
            #expect(chart.title.lines.last?.hasSuffix("…") == true)
            #expect(chart.title.box.maxX <= style.width - style.padding + 0.01)
            #expect(chart.svg.contains("<title>" + name + "</title>"), "the full name stays in the tooltip")
        }
    }

    @Test func denseDailySeriesThinsItsPeriodLabels() {
        let values = (0..<730).map { 100 + 10 * sin(Double($0) / 20) }
        let kpi = KPI(id: KPIID("daily"), name: "Daily", direction: .increase, target: .value(105))
        let series = ChartSeries(granularity: .day, firstOrdinal: Period("2024-01-01")!.ordinal, values: values)
        let chart = KPIChart(KPIChartData(kpi: kpi, series: series))
        Self.expectSane(chart)
        #expect(chart.xTicks.count > 2 && chart.xTicks.count < 20)
    }

    @Test func manyFindingsAreSummedUp() {
        let findings = (1...9).map { i in
            Finding(
                rule: "DATA-0\(i)", severity: i % 3 == 0 ? .error : .warning, message: "Finding number \(i)",
                subjects: ["test-kpi"], fix: Fix("Do something"))
        }
        let chart = KPIChart(Self.monthly([1, 2, 3], findings: findings))
        Self.expectSane(chart)
        #expect(chart.annotations.count == KPIChartStyle.standard.findingRows - 1)
        #expect(chart.hiddenFindings == 9 - chart.annotations.count)
        #expect(chart.svg.contains("+ \(chart.hiddenFindings) more findings"))
        for (a, b) in zip(chart.annotations, chart.annotations.dropFirst()) { #expect(!a.box.overlaps(b.box)) }
    }

    @Test func outputIsDeterministic() throws {
        let a = try Self.chartData("warehouse-efficiency-vs-experience.yaml").map { KPIChart($0).svg }
        let b = try Self.chartData("warehouse-efficiency-vs-experience.yaml").map { KPIChart($0).svg }
        #expect(a == b)
        // Several runs, since the diagnosis averages periods in an order that varies between them.
        let sheets = try (0..<4).map { _ in ChartSheet(try Self.chartData("saas-growth-vs-retention.yaml")).svg }
        #expect(Set(sheets).count == 1)
    }

    // MARK: Nice ticks

    @Test func niceTicksUseOneTwoFiveSteps() {
        #expect(NiceScale.ticks(lower: 0, upper: 97) == [0, 20, 40, 60, 80, 100])
        #expect(NiceScale.ticks(lower: 0.13, upper: 0.87, maxCount: 6) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        // Step 0.2 would need six ticks; with room for five the next nice step is taken.
        #expect(NiceScale.ticks(lower: 0.13, upper: 0.87, maxCount: 5) == [0, 0.5, 1])
        #expect(NiceScale.ticks(lower: -50, upper: -3) == [-50, -40, -30, -20, -10, 0])
        #expect(NiceScale.ticks(lower: 297, upper: 452, maxCount: 7) == [250, 300, 350, 400, 450, 500])
        #expect(NiceScale.ticks(lower: 1.18, upper: 2.71) == [1, 1.5, 2, 2.5, 3])
    }

    @Test func niceTicksNeverExceedTheirCountAndCoverTheRange() {
        for (lo, hi) in [(0.0, 1.0), (3.2, 3.3), (-1e6, 2e6), (99.5, 99.73), (0.466, 0.61), (17, 18_500_000)] {
            for count in 3...8 {
                let ticks = NiceScale.ticks(lower: lo, upper: hi, maxCount: count)
                #expect(ticks.count <= count && ticks.count >= 2)
                #expect(ticks.first! <= lo && ticks.last! >= hi)
                let step = ticks[1] - ticks[0]
                let magnitude = pow(10, floor(log10(step) + 1e-9))
                let leading = (step / magnitude).rounded()
                #expect([1, 2, 5].contains(leading), "step \(step) is not 1, 2 or 5 times a power of ten")
            }
        }
    }

    @Test func constantRangesAreWidened() {
        let ticks = NiceScale.ticks(lower: 5, upper: 5)
        #expect(ticks.count >= 2)
        #expect(ticks.first! < 5 && ticks.last! > 5)
    }

    @Test func tickLabelsAbbreviateLargeNumbersAndKeepDecimals() {
        #expect(NiceScale.labels(for: [0, 100_000, 200_000]) == ["0", "100k", "200k"])
        #expect(NiceScale.labels(for: [0, 2_500_000, 5_000_000, 7_500_000, 10_000_000]).last == "10.0M")
        #expect(NiceScale.labels(for: [1, 1.5, 2]) == ["1.0", "1.5", "2.0"])
        #expect(NiceScale.labels(for: [-2, 0, 2]) == ["−2", "0", "2"])
    }

    // MARK: Small multiples

    @Test func sixtyPanelsLayOutWithoutOverlaps() throws {
        let data = (0..<60).map { i -> KPIChartData in
            let values = (0..<(6 + i % 30)).map { j in Double(i) * 10 + sin(Double(j + i)) * Double(i + 1) }
            let findings =
                i % 4 == 0
                ? [Finding(rule: "DATA-08", severity: .warning, message: "Too good", subjects: ["k\(i)"], fix: Fix(""))]
                : []
            let name = i % 7 == 0 ? "A rather long KPI name number \(i) that will not fit on one line" : "KPI \(i)"
            let kpi = KPI(
                id: KPIID("k\(i)"), name: name, unit: "u", direction: i % 2 == 0 ? .increase : .decrease,
                target: i % 3 == 0 ? nil : .value(Double(i) * 10))
            return KPIChartData(
                kpi: kpi, series: ChartSeries(granularity: .month, firstOrdinal: 24_288, values: values),
                findings: findings)
        }
        let sheet = ChartSheet(data, width: 960, title: "Sixty KPIs")
        #expect(sheet.panels.count == 60)
        #expect(sheet.columns == 3)
        for (i, a) in sheet.panels.enumerated() {
            #expect(sheet.bounds.contains(a), "panel \(i) leaves the sheet")
            for b in sheet.panels[(i + 1)...] { #expect(!a.overlaps(b), "panels overlap: \(a) and \(b)") }
        }
        for (chart, panel) in zip(sheet.charts, sheet.panels) {
            #expect(abs(chart.bounds.width - panel.width) < 0.01 && abs(chart.bounds.height - panel.height) < 0.01)
        }
        #expect(Self.isWellFormedXML(sheet.svg))
        #expect(sheet.svg.components(separatedBy: "class=\"kpi-chart\"").count - 1 == 60)
    }

    @Test func narrowSheetFallsBackToOneColumn() {
        let sheet = ChartSheet([Self.monthly([1, 2, 3]), Self.monthly([3, 2, 1])], width: 200)
        #expect(sheet.columns == 1)
        #expect(sheet.panels.count == 2)
        #expect(sheet.panels[0].maxY <= sheet.panels[1].y)
        #expect(sheet.bounds.contains(sheet.panels[1]))
    }
}
