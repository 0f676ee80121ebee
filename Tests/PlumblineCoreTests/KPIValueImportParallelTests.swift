import PlumblineCore
import Testing

/// Reading a file's rows on several threads gives exactly what one pass gives: the same values in
/// the same order, the same issues on the same lines.
@Suite struct KPIValueImportParallelTests {
    static let kpis: Set<String> = ["signups", "churn", "nps", "aht"]

    /// A long-layout file with entity rows, series split and resumed out of order, blank lines,
    /// empty values and, optionally, a bad row every so often.
    static func csv(rows: Int, lineEnd: String = "\n", badEvery: Int? = nil) -> String {
        var out = "kpi,period,value,entity" + lineEnd
        let ids = ["signups", "churn", "nps", "aht"]
        for r in 0..<rows {
            let kpi = ids[(r / 700) % ids.count]
            let week = 1 + (r % 700) / 14
            let entity = r % 7 == 0 ? "" : "team-\(r % 3)"
            var value = String(Double(r % 97) * 1.25)
            if r % 53 == 0 { value = "" }
            if let badEvery, r % badEvery == badEvery - 1 { value = "12,5" }
            out += "\(kpi),\(2020 + week / 53)-W\(String(format2: week % 52 + 1)),\(value),\(entity)" + lineEnd
            if r % 991 == 0 { out += lineEnd }
        }
        return out
    }

    static func read(_ text: String, parallel: Bool, chunk: Int) -> (KPIValues?, KPIValueImport) {
        var importer = KPIValueImport(file: "values.csv", knownKPIs: kpis)
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let piece = Array(bytes[i..<min(bytes.count, i + chunk)])
            if parallel {
                piece.withUnsafeBufferPointer { importer.consume(parallel: $0, ways: 3) }
            } else {
                importer.consume(piece)
            }
            i += chunk
        }
        return (importer.finish(), importer)
    }

    static func summary(_ values: KPIValues?) -> [String] {
        guard let values else { return ["nil"] }
        return values.series.keys.sorted().map { id in
            let s = values.series[id]!
            return
                "\(id): \(s.ordered.map { "\($0.period)=\($0.value)" }) entities \(s.entityValues.map { "\($0.period)/\($0.entity)=\($0.value)" }) missing \(s.missingPeriods.map(\.description).sorted()) n \(s.observationCount)"
        }
    }

    @Test(arguments: ["\n", "\r\n"], [1 << 16, 200_000])
    func sameValuesAsOnePass(lineEnd: String, chunk: Int) {
        let text = Self.csv(rows: 30_000, lineEnd: lineEnd)
        let (one, sequential) = Self.read(text, parallel: false, chunk: chunk)
        let (many, parallel) = Self.read(text, parallel: true, chunk: chunk)
        #expect(one != nil)
        #expect(Self.summary(many) == Self.summary(one))
        #expect(parallel.rowCount == sequential.rowCount)
        #expect(parallel.partsReadInParallel >= 3)
        #expect(sequential.partsReadInParallel == 0)
    }

    @Test func sameIssuesOnTheSameLines() {
        let text = Self.csv(rows: 30_000, badEvery: 1_000)
        let (one, sequential) = Self.read(text, parallel: false, chunk: 1 << 16)
        let (many, parallel) = Self.read(text, parallel: true, chunk: 1 << 16)
        #expect(one == nil && many == nil)
        #expect(sequential.issueCount == 30)
        #expect(parallel.partsReadInParallel > 0)
        #expect(parallel.issues.map(\.description) == sequential.issues.map(\.description))
    }

    @Test func quotedFieldsFallBackToOnePass() {
        var text = Self.csv(rows: 20_000)
        text += "signups,2030-W01,\"7\",\"a team, with a comma\nand a line break\"\n"
        let (one, _) = Self.read(text, parallel: false, chunk: 1 << 17)
        let (many, _) = Self.read(text, parallel: true, chunk: 1 << 17)
        #expect(Self.summary(many) == Self.summary(one))
        #expect(many?.series["signups"]?.entityValues.last?.entity == "a team, with a comma\nand a line break")
    }
}

extension String {
    fileprivate init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}
