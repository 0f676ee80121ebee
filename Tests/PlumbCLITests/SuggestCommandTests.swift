import Foundation
import PlumblineCore
import Testing

/// `plumb suggest`, run as a person would.
@Suite struct SuggestCommandTests {
    typealias T = PlumbCommandTests

    static let example = T.repositoryRoot.appendingPathComponent("examples/saas-growth-vs-retention.yaml").path

    @Test func summaryListsEveryChangeUnderItsFinding() throws {
        let run = try T.plumb(["suggest", Self.example])
        #expect(run.status == 0)
        #expect(run.stdout.contains("CHAIN-03  sales-bonus pays Sales team only for effort"))
        #expect(run.stdout.contains("+ incentive revision sales-bonus-revised"))
        #expect(run.stdout.contains("+ KPI win-rate"))
        #expect(run.stdout.contains("before (as given):   7 errors"))
        #expect(run.stdout.contains("after (as adopted):"))
        #expect(run.stdout.contains("Left for the team:"))
        // Without -o nothing is written and no canvas is printed.
        #expect(!run.stdout.contains("plumbline: 1"))
    }

    @Test(arguments: ["suggested.yaml", "suggested.json"])
    func writesAValidRedesign(_ name: String) throws {
        let out = try T.temporaryDirectory().appendingPathComponent(name).path
        let run = try T.plumb(["suggest", Self.example, "-o", out])
        #expect(run.status == 0)
        #expect(run.stdout.contains("wrote \(out)"))
        let suggested = try CanvasReader().read([UInt8](try Data(contentsOf: URL(fileURLWithPath: out))), file: out)
        let original = try CanvasReader().read(
            [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.example))), file: Self.example)
        #expect(suggested.syntax == (name.hasSuffix(".json") ? .json : .yaml))
        #expect(Array(suggested.canvas.kpis.prefix(original.canvas.kpis.count)) == original.canvas.kpis)
        #expect(suggested.canvas.kpis.contains { $0.status == .proposed && $0.rationale?.contains("PAIR-01") == true })
        let check = try T.plumb(["validate", out])
        #expect(check.status == 0)
    }

    /// `plumb check --as-adopted` on the written redesign finds at most half the errors.
    @Test func recheckingTheRedesignAsAdoptedFindsFewerErrors() throws {
        let dir = try T.temporaryDirectory()
        let out = dir.appendingPathComponent("suggested.yaml").path
        // The canvas names its values relative to itself: copy them beside the redesign.
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("values"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: T.repositoryRoot.appendingPathComponent("examples/values/saas-monthly.csv").path,
            toPath: dir.appendingPathComponent("values/saas-monthly.csv").path)
        #expect(try T.plumb(["suggest", Self.example, "-o", out]).status == 0)
        func errors(_ arguments: [String]) throws -> Int {
            let run = try T.plumb(["check"] + arguments + ["--format", "json", "--fail-on", "never"])
            #expect(run.status == 0, "\(run.stderr)")
            let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            let findings = report?["findings"] as? [[String: Any]] ?? []
            return findings.filter { $0["severity"] as? String == "error" }.count
        }
        let before = try errors([Self.example])
        let after = try errors([out, "--as-adopted"])
        #expect(before >= 5)
        #expect(after * 2 <= before)
    }

    @Test func jsonSummaryAndCanvasOnStandardOutput() throws {
        let run = try T.plumb(["suggest", Self.example, "--format", "json", "-o", "-"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("plumbline: 1"))
        #expect(run.stderr.contains("\"changes\""))
        #expect(run.stderr.contains("\"remaining\""))
        let canvas = try CanvasReader().read(text: run.stdout, file: "stdout.yaml").canvas
        #expect(canvas.hasProposals)
    }

    @Test func suggestingTheRedesignAgainChangesNothing() throws {
        let dir = try T.temporaryDirectory()
        let once = dir.appendingPathComponent("once.yaml").path
        let twice = dir.appendingPathComponent("twice.yaml").path
        // Copy the values beside the copy, so the redesign is judged with them both times.
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("values"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: T.repositoryRoot.appendingPathComponent("examples/values/saas-monthly.csv").path,
            toPath: dir.appendingPathComponent("values/saas-monthly.csv").path)
        #expect(try T.plumb(["suggest", Self.example, "-o", once]).status == 0)
        let again = try T.plumb(["suggest", once, "-o", twice])
        #expect(again.status == 0)
        #expect(again.stdout.contains("No changes"))
        #expect(try String(contentsOfFile: once, encoding: .utf8) == String(contentsOfFile: twice, encoding: .utf8))
    }

    @Test func badInputExitsTwoAndWritesNothing() throws {
        let dir = try T.temporaryDirectory()
        let broken = dir.appendingPathComponent("broken.yaml")
        try "plumbline: 1\nkind: kpi-misalignment\ntitle: Broken\nkpis:\n  - {id: a, name: A, accountable: nobody}\n"
            .write(to: broken, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.yaml").path
        for arguments in [
            ["suggest", broken.path, "-o", out],
            ["suggest", dir.appendingPathComponent("missing.yaml").path, "-o", out],
            ["suggest", Self.example, "--data", dir.appendingPathComponent("missing.csv").path, "-o", out],
        ] {
            let run = try T.plumb(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(!run.stderr.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        // A commented canvas is never overwritten: the writer cannot keep its comments.
        let commented = dir.appendingPathComponent("commented.yaml")
        try FileManager.default.copyItem(atPath: Self.example, toPath: commented.path)
        let overwrite = try T.plumb(["suggest", commented.path, "-o", commented.path])
        #expect(overwrite.status != 0)
        #expect(overwrite.stderr.contains("lose its comments"))
        #expect(
            try String(contentsOf: commented, encoding: .utf8) == String(contentsOfFile: Self.example, encoding: .utf8))
        let run = try T.plumb(["suggest", broken.path])
        #expect(run.stderr.contains("kpis[0].accountable"))
        #expect(run.stderr.contains("nobody"))
    }
}
