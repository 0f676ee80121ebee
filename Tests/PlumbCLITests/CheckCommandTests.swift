import Foundation
import Testing

/// `plumb check`, `plumb rules` and `plumb explain`, run as a person or a CI job would.
@Suite struct CheckCommandTests {
    typealias T = PlumbCommandTests

    /// One objective nothing measures (COV-01, an error) and one with a measure.
    static let unmeasuredCanvas = """
        plumbline: 1
        kind: kpi-misalignment
        title: One unmeasured objective
        objectives:
          - {id: grow, statement: Grow revenue}
          - {id: retain, statement: Keep customers longer}
        participants:
          - {id: sales, name: Sales, type: team, decides: [pricing]}
        kpis:
          - {id: revenue, name: Revenue, level: outcome, serves: [grow], accountable: sales}

        """

    static func write(_ text: String, name: String = "canvas.yaml") throws -> URL {
        let url = try T.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func exitStatusFollowsFailOn() throws {
        let file = try Self.write(Self.unmeasuredCanvas).path
        let run = try T.plumb(["check", file])
        #expect(run.status == 1)
        #expect(run.stdout.contains("COV-01"))
        #expect(run.stdout.contains("retain"))
        #expect(try T.plumb(["check", file, "--fail-on", "never"]).status == 0)
        // Lowered to a warning, it no longer fails the default threshold but fails --fail-on warning.
        #expect(try T.plumb(["check", file, "--rule", "COV-01=warning"]).status == 0)
        #expect(try T.plumb(["check", file, "--rule", "COV-01=warning", "--fail-on", "warning"]).status == 1)
    }

    @Test func ruleOverridesSwitchOffAndChangeSeverity() throws {
        let file = try Self.write(Self.unmeasuredCanvas).path
        let off = try T.plumb(["check", file, "--format", "json", "--rule", "COV-01=off"])
        #expect(off.status == 0)
        #expect(!off.stdout.contains("\"COV-01\""))
        let info = try T.plumb(["check", file, "--format", "json", "--rule", "COV-01=info"])
        #expect(info.status == 0)
        #expect(info.stdout.contains("\"severity\": \"info\""))
        let bad = try T.plumb(["check", file, "--rule", "COV-1=off"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("is not a rule id"))
    }

    @Test func invalidCanvasExitsTwo() throws {
        let file = try Self.write("plumbline: 1\nkind: nonsense\ntitle: x\n").path
        let run = try T.plumb(["check", file])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is not a valid canvas kind"))
    }

    @Test func everyFormatRendersForEveryExample() throws {
        let examples = try FileManager.default.contentsOfDirectory(
            atPath: T.repositoryRoot.appendingPathComponent("examples").path
        )
        .filter { $0.hasSuffix(".yaml") }.sorted().map { "examples/\($0)" }
        for format in ["text", "json", "sarif", "markdown"] {
            let run = try T.plumb(["check"] + examples + ["--format", format, "--fail-on", "never"])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(!run.stdout.isEmpty)
            if format == "json" || format == "sarif" {
                #expect(
                    (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) != nil, "\(format) is not JSON")
            }
        }
    }

    @Test func pipedTextHasNoColour() throws {
        let run = try T.plumb(["check", "examples/saas-growth-vs-retention.yaml", "--fail-on", "never"])
        #expect(!run.stdout.contains("\u{1B}["))
    }

    @Test func rulesListsEveryRuleAndExplainExplainsOne() throws {
        let rules = try T.plumb(["rules"])
        #expect(rules.status == 0)
        for id in ["COV-01", "DATA-01", "DATA-04", "DATA-11"] { #expect(rules.stdout.contains(id)) }
        let explain = try T.plumb(["explain", "data-04"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("Why it matters"))
        #expect(explain.stdout.contains("How to fix it"))
        let unknown = try T.plumb(["explain", "XYZ-99"])
        #expect(unknown.status != 0)
    }
}

/// The options of `plumb check` and `plumb bench` that the README promises.
@Suite struct CheckOptionTests {
    typealias T = PlumbCommandTests

    @Test func dataOptionLoadsValuesFromACSV() throws {
        let dir = try T.temporaryDirectory()
        let canvas = dir.appendingPathComponent("c.yaml")
        try """
        plumbline: 1
        kind: kpi-misalignment
        title: Data option
        objectives:
          - {id: grow, statement: Grow lifetime value}
        participants:
          - {id: sales, name: Sales, type: team, decides: [pricing]}
        kpis:
          - {id: signups, name: New sign-ups, direction: increase, level: output, frequency: monthly, serves: [grow], drives: [nrr], accountable: sales}
          - {id: nrr, name: Net revenue retention, direction: increase, level: outcome, frequency: monthly, serves: [grow], accountable: sales}

        """.write(to: canvas, atomically: true, encoding: .utf8)
        let csv = dir.appendingPathComponent("values.csv")
        var rows = "period,signups,nrr\n"
        for m in 1...12 { rows += "2025-\(m < 10 ? "0" : "")\(m),\(100 + 5 * m),\(110 - m)\n" }
        try rows.write(to: csv, atomically: true, encoding: .utf8)
        let run = try T.plumb(["check", canvas.path, "--data", csv.path, "--format", "json", "--fail-on", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"DATA-04\""))
        let bad = dir.appendingPathComponent("bad.csv")
        try "period,signup\n2025-01,1\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try T.plumb(["check", canvas.path, "--data", bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("bad.csv:1:8"))
        #expect(refused.stderr.contains("'signup' is not a KPI of this canvas"))
    }

    @Test func ruleParameterOverrideOnTheCommandLine() throws {
        let dir = try T.temporaryDirectory()
        let canvas = dir.appendingPathComponent("c.yaml")
        let kpis = (1...13).map { "  - {id: k\($0), name: K\($0), accountable: sales}" }.joined(separator: "\n")
        try
            "plumbline: 1\nkind: kpi-misalignment\ntitle: P\nparticipants:\n  - {id: sales, name: Sales, type: team, decides: [x]}\nkpis:\n\(kpis)\n"
            .write(to: canvas, atomically: true, encoding: .utf8)
        let base = try T.plumb(["check", canvas.path, "--format", "json", "--fail-on", "never"])
        #expect(base.stdout.contains("\"ACC-03\""))
        let raised = try T.plumb([
            "check", canvas.path, "--format", "json", "--fail-on", "never", "--rule", "ACC-03.max=13",
        ])
        #expect(!raised.stdout.contains("\"ACC-03\""))
        let bad = try T.plumb(["check", canvas.path, "--rule", "ACC-03.max=many"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("must be a number"))
    }

    @Test func benchReportsItsFigures() throws {
        let run = try T.plumb([
            "bench", "--kpis", "100", "--participants", "12", "--weeks", "60", "--runs", "1", "--profile",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        for line in [
            "organisation: 100 KPIs, 12 participants, 60 weeks", "read canvas:", "import values:", "diagnose:",
            "peak memory:", "planted problems found:", "DATA-01: found", "COV-01:",
        ] {
            #expect(run.stdout.contains(line), "missing '\(line)'")
        }
    }

    @Test func benchWritesItsFilesAndFiguresAsJSON() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try T.plumb([
            "bench", "--kpis", "100", "--participants", "12", "--weeks", "60", "--runs", "1", "--json", "--write",
            directory.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(report?["planted"] as? Int == 2)
        #expect((report?["seconds"] as? [String: Any])?["total"] is Double)
        for file in ["canvas.yaml", "values.csv", "planted.json"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path), "\(file)")
        }
        // The written files are what `plumb check --data` reads.
        let check = try T.plumb([
            "check", directory.appendingPathComponent("canvas.yaml").path, "--data",
            directory.appendingPathComponent("values.csv").path, "--format", "json", "--fail-on", "never",
        ])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("\"DATA-"))
    }

    @Test func benchCanvasOnlyTimesTheStructuralRules() throws {
        let run = try T.plumb(["bench", "--kpis", "60", "--participants", "12", "--runs", "1", "--canvas-only"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("organisation: 60 KPIs, 12 participants, "))
        #expect(!run.stdout.contains("import values:"))
        #expect(!run.stdout.contains("planted problems"))
    }
}
