import PlumblineCore
import Testing

/// Reading KPI values from CSV in both layouts, in any chunking, with every bad row reported.
@Suite struct KPIValueImportTests {
    static let kpis: Set<String> = ["signups", "churn", "nps"]

    static func load(_ csv: String, chunk: Int = 1 << 16) -> (KPIValues?, [CanvasIssue]) {
        var importer = KPIValueImport(file: "values.csv", knownKPIs: kpis)
        let bytes = Array(csv.utf8)
        var i = 0
        while i < bytes.count {
            importer.consume(bytes[i..<min(bytes.count, i + chunk)])
            i += chunk
        }
        let values = importer.finish()
        return (values, importer.issues)
    }

    @Test func longLayoutWithEntities() throws {
        let csv =
            "kpi,period,value,entity\nsignups,2026-W01,10,north\nsignups,2026-W01,20,south\nchurn,2026-W01,0.05,\n"
        let (values, issues) = Self.load(csv)
        #expect(issues.isEmpty)
        let signups = try #require(values?.series["signups"])
        #expect(signups.ordered.map(\.value) == [15])  // entity values averaged
        #expect(signups.entityValues.map(\.entity) == ["north", "south"])
        #expect(values?.series["churn"]?.ordered.map(\.value) == [0.05])
    }

    @Test func wideLayoutWithMissingCells() throws {
        let csv = "period,signups,churn\n2026-01,100,0.04\n2026-02,,0.05\n2026-03,120,\n"
        let (values, issues) = Self.load(csv)
        #expect(issues.isEmpty)
        let signups = try #require(values?.series["signups"])
        #expect(signups.ordered.map(\.period.description) == ["2026-01", "2026-03"])
        #expect(signups.missingPeriods.map(\.description) == ["2026-02"])
    }

    @Test func everyBadRowIsReportedWithLineAndColumn() {
        let csv =
            "kpi,period,value\nsignups,2026-W01,10\nsinups,2026-W02,11\nsignups,2026-13,12\nsignups,2026-W03,1,5\nsignups,2026-W04,12\n"
        let (values, issues) = Self.load(csv)
        #expect(values == nil)
        #expect(issues.map(\.line) == [3, 4, 5])
        #expect(issues.map(\.column) == [1, 9, 20])
        #expect(issues[0].message == "'sinups' is not a KPI of this canvas")
        #expect(issues[0].suggestion == "signups")
        #expect(issues[1].code == .invalidPeriod)
        #expect(issues[2].message == "the row has 4 fields; the header has 3")
        #expect(issues.allSatisfy { $0.file == "values.csv" })
    }

    @Test func decimalCommaIsAnErrorNotASilentZero() {
        let (_, issues) = Self.load("period,nps\n2026-Q1,\"41,5\"\n")
        #expect(issues.first?.code == .invalidNumber)
        #expect(issues.first?.line == 2)
        #expect(issues.first?.column == 9)
    }

    @Test func quotedFieldsCRLFAndNoFinalNewline() throws {
        let csv = "\"kpi\",\"period\",\"value\"\r\n\"signups\",\"2026\",\"7\"\r\nsignups,2027,8"
        let (values, issues) = Self.load(csv)
        #expect(issues.isEmpty)
        #expect(values?.series["signups"]?.ordered.map(\.value) == [7, 8])
    }

    @Test func unterminatedQuoteIsReported() {
        let (_, issues) = Self.load("kpi,period,value\nsignups,\"2026,1\n")
        #expect(issues.first?.message == "the file ends inside a quoted field")
    }

    @Test func unknownHeaderIsReported() {
        let (_, issues) = Self.load("date,amount\n2026-01-01,3\n")
        #expect(issues.count == 1)
        #expect(issues.first?.line == 1)
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func chunkBoundariesDoNotMatter(_ chunk: Int) {
        let csv =
            "kpi,period,value,entity\r\nsignups,2026-03-14,\"1.5\",\"a, b\"\r\nchurn,2026-03-15,2,\"multi\nline\"\r\nnps,2026-Q1,30,x\r\n"
        let (whole, _) = Self.load(csv)
        let (pieces, issues) = Self.load(csv, chunk: chunk)
        #expect(issues.isEmpty)
        #expect(whole?.observationCount == 3)
        #expect(pieces?.observationCount == 3)
        #expect(pieces?.series["churn"]?.entityValues.first?.entity == "multi\nline")
        #expect(pieces?.series["signups"]?.entityValues.first?.entity == "a, b")
    }

    @Test func issueListIsCappedButCounted() {
        var csv = "kpi,period,value\n"
        for i in 0..<1_000 { csv += "nope\(i),2026,1\n" }
        var importer = KPIValueImport(file: "v.csv", knownKPIs: Self.kpis)
        importer.consume(Array(csv.utf8))
        #expect(importer.finish() == nil)
        #expect(importer.issueCount == 1_000)
        #expect(importer.issues.count == importer.maxIssues + 1)
        #expect(importer.issues.last?.message == "800 more problems not listed")
    }
}
