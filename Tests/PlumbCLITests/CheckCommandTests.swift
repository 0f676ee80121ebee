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
