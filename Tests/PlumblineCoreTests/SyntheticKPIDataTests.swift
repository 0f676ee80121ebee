import Foundation
import Testing

@testable import PlumblineCore

/// The benchmark's organisation: its planted problems are where it says, and the data rules find them.
@Suite struct SyntheticKPIDataTests {
    @Test func plantsEachDataRuleOnceInASmallOrganisation() {
        let output = SyntheticKPIData(kpiCount: 500, participantCount: 20, weeks: 120).generate()
        #expect(output.canvas.kpis.count == 500)
        #expect(output.canvas.objectives.count == 10)
        #expect(output.planted.map(\.rule) == SyntheticKPIData.plantedRules)
        let ids = Set(output.canvas.kpis.map(\.id.rawValue) + output.canvas.incentives.map(\.id.rawValue))
            .union(output.canvas.objectives.map(\.id.rawValue))
        for problem in output.planted {
            #expect(problem.subjects.allSatisfy(ids.contains), "\(problem)")
        }
        #expect(output.values.series.count == 500)
    }

    @Test func keepsHalfTheGroupsCleanAtTheDefaultShape() {
        let data = SyntheticKPIData(kpiCount: 10_000)
        let planted = (0..<data.groupCount).filter { data.plantedRule(ofGroup: $0) != nil }
        #expect(planted.count == 100)
        #expect(data.groupCount - planted.count == 100)
    }

    @Test func theDataRulesFindWhatWasPlanted() {
        let output = SyntheticKPIData(kpiCount: 500, participantCount: 20, weeks: 120).generate()
        let analysis = CanvasAnalysis(
            canvas: output.canvas, canvasID: "synthetic", knowledge: .empty, values: output.values)
        let findings = DiagnosisEngine(knowledge: .empty).diagnose(analysis).activeFindings
        let found = output.planted.filter { p in
            findings.contains { $0.rule == p.rule && Set($0.subjects) == Set(p.subjects) }
        }
        #expect(Double(found.count) / Double(output.planted.count) >= 0.9, "found \(found.map(\.rule))")
    }

    @Test func medianBySelectionAgreesWithSorting() {
        var rng = SeededGenerator(seed: 9)
        for n in [1, 2, 3, 10, 11, 100, 1_001] {
            var values = (0..<n).map { _ in Double(rng.next() % 50) }  // many ties
            let sorted = values.sorted()
            let expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
            #expect(Descriptive.median(&values) == expected, "n = \(n)")
        }
    }

    @Test func periodsEqualAndHashByTheirTime() {
        let a = Period("2026-W05")!, b = Period(granularity: .week, ordinal: a.ordinal)
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(Period("2026-02")! != Period("2026-02-01")!)  // same start, different granularity
    }
}
