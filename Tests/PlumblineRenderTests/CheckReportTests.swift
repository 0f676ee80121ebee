import Foundation
import PlumblineCore
import PlumblineRender
import Testing

/// Reports of the diagnosis in every format, checked on the shipped examples.
@Suite struct CheckReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let engine = DiagnosisEngine(knowledge: try! KnowledgeBase.bundled())

    static func examples() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(
            at: root.appendingPathComponent("examples"), includingPropertiesForKeys: nil
        )
        .filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func report(_ url: URL) throws -> CheckReport {
        let document = try CanvasReader().read(
            [UInt8](Data(contentsOf: url)), file: "examples/\(url.lastPathComponent)")
        return CheckReport(document: document, diagnosis: engine.diagnose(document))
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: try examples())
    func jsonCarriesFindingsAndScores(_ url: URL) throws {
        let report = try Self.report(url)
        let object = try Self.json(CheckReport.json([report]))
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == report.diagnosis.findings.count)
        for f in findings {
            for key in ["rule", "severity", "message", "subjects", "evidence", "suggestion", "location", "fingerprint"]
            {
                #expect(f[key] != nil, "finding lacks \(key)")
            }
            #expect(["error", "warning", "info"].contains(f["severity"] as? String ?? ""))
        }
        let scores = try #require(object["scores"] as? [String: Any])
        let overall = try #require(scores["overall"] as? Double)
        #expect((0...100).contains(overall))
        #expect((scores["objectives"] as? [Any])?.count == report.document.canvas.objectives.count)
    }

    @Test(arguments: try examples())
    func sarifHasTheRequiredStructure(_ url: URL) throws {
        let report = try Self.report(url)
        let log = try Self.json(
            CheckReport.sarif([report], rules: Self.engine.rules.map(\.metadata), toolVersion: "0.1.0"))
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Plumbline")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(Set(ruleIDs).count == rules.count)
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == report.diagnosis.findings.count)
        let lines = try String(contentsOf: url, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        for r in results {
            let ruleID = try #require(r["ruleId"] as? String)
            if let index = r["ruleIndex"] as? Int { #expect(ruleIDs[index] == ruleID) }
            #expect(["error", "warning", "note"].contains(r["level"] as? String ?? ""))
            let message = (r["message"] as? [String: Any])?["text"] as? String ?? ""
            #expect(!message.isEmpty)
            let location = try #require(
                (r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect(
                (location["artifactLocation"] as? [String: Any])?["uri"] as? String
                    == "examples/\(url.lastPathComponent)")
            let line = try #require((location["region"] as? [String: Any])?["startLine"] as? Int)
            #expect(line >= 1 && line <= lines.count)
            // The result sits at the YAML node of its first subject that is an entity of the canvas.
            let subjects = (r["properties"] as? [String: Any])?["subjects"] as? [String] ?? []
            if let entity = subjects.first(where: { report.document.sourceMap.mark(of: $0) != nil }) {
                let window = lines[(line - 1)...min(lines.count - 1, line + 1)].joined(separator: "\n")
                #expect(window.contains(entity), "\(ruleID) at line \(line) does not show \(entity)")
            }
        }
    }

    /// An example with at least one finding under the rules implemented so far.
    static func exampleWithFindings() throws -> CheckReport {
        let reports = try examples().map(report)
        return try #require(reports.first { !$0.diagnosis.activeFindings.isEmpty })
    }

    @Test func textHasNoEscapeCodesWithoutColour() throws {
        let report = try Self.exampleWithFindings()
        let plain = report.text(colour: false)
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.contains("Alignment score"))
        #expect(report.text(colour: true).contains("\u{1B}["))
    }

    @Test func markdownIsATableOfFindings() throws {
        let report = try Self.exampleWithFindings()
        let md = report.markdown
        #expect(md.hasPrefix("## "))
        #expect(md.contains("| severity | rule | finding | evidence | fix |"))
        let rows = md.split(separator: "\n").filter {
            $0.hasPrefix("| error") || $0.hasPrefix("| warning") || $0.hasPrefix("| info")
        }
        #expect(rows.count == report.diagnosis.activeFindings.count)
    }
}

/// KPI values appear beside the findings: a sparkline in text, the statistics in JSON.
@Suite struct TrendReportTests {
    static let canvas = """
        plumbline: 1
        kind: kpi-misalignment
        title: Trend demo
        objectives:
          - {id: grow, statement: Grow lifetime value}
        participants:
          - {id: sales, name: Sales, type: team, decides: [pricing]}
        kpis:
          - {id: signups, name: New sign-ups, direction: increase, level: output, frequency: monthly, serves: [grow], drives: [nrr], accountable: sales}
          - {id: nrr, name: Net revenue retention, direction: increase, level: outcome, frequency: monthly, serves: [grow], accountable: sales}
        data:
          - kpi: signups
            values: {2025-01: 100, 2025-02: 104, 2025-03: 109, 2025-04: 112, 2025-05: 118, 2025-06: 121, 2025-07: 127, 2025-08: 130, 2025-09: 136, 2025-10: 139}
          - kpi: nrr
            values: {2025-01: 110, 2025-02: 108, 2025-03: 107, 2025-04: 104, 2025-05: 103, 2025-06: 101, 2025-07: 99, 2025-08: 98, 2025-09: 95, 2025-10: null}

        """

    static func report() throws -> CheckReport {
        let document = try CanvasReader().read(text: canvas, file: "trend.yaml")
        return CheckReport(document: document, diagnosis: CheckReportTests.engine.diagnose(document))
    }

    @Test func textShowsASparklineAndTheDataFindings() throws {
        let text = try Self.report().text(colour: false)
        #expect(text.contains("KPI values"))
        #expect(text.contains("signups  ▁▂▃▃▄▅▆▆▇█  2025-01–2025-10  ↑"))
        // A missing last value is not a period of the series: it ends at its last observation.
        #expect(text.contains("nrr      █▇▇▅▅▄▃▂▁  2025-01–2025-09  ↓"))
        #expect(text.contains("DATA-04"))
    }

    @Test func jsonCarriesTheStatistics() throws {
        let object = try CheckReportTests.json(CheckReport.json([try Self.report()]))
        let stats = try #require(object["statistics"] as? [[String: Any]])
        #expect(stats.count == 2)
        let nrr = try #require(stats.first { $0["kpi"] as? String == "nrr" })
        #expect(nrr["values_present"] as? Int == 9)
        #expect((nrr["values"] as? [Any])?.count == 9)
        #expect(nrr["to"] as? String == "2025-09")
        let mk = try #require(nrr["mann_kendall"] as? [String: Any])
        #expect((mk["s"] as? Double ?? 0) < 0)
        #expect((nrr["sens_slope"] as? Double ?? 0) < 0)
    }
}
