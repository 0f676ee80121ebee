import Foundation
import PlumblineCore
import Testing

/// Each example canvas states in its header what is wrong in it. The diagnosis must find every
/// stated problem, and nothing of severity error or warning that the header does not state.
@Suite struct ExampleDiagnosisTests {
    /// One `#   RULE-ID  id[,id…]  — explanation` line of an example's header.
    struct Expectation: Sendable, CustomStringConvertible {
        var rule: String
        var subjects: [String]
        var description: String { "\(rule) \(subjects.joined(separator: ","))" }
    }

    static func expectations(in text: String) -> [Expectation] {
        var result: [Expectation] = []
        for line in text.split(separator: "\n") {
            guard line.hasPrefix("#") else {
                // The header ends at the first line of content.
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { break }
                continue
            }
            let words = line.dropFirst().split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 3, words[2] == "—" || words[2].hasPrefix("—"),
                words[0].range(of: #"^[A-Z]+-\d\d$"#, options: .regularExpression) != nil
            else { continue }
            result.append(
                Expectation(rule: String(words[0]), subjects: words[1].split(separator: ",").map(String.init)))
        }
        return result
    }

    /// The KPI values of an example's `data` files, read as `plumb check` reads them.
    static func values(of document: CanvasDocument, at url: URL) throws -> KPIValues {
        var all = KPIValues()
        for case .file(let path, _) in document.canvas.data {
            var importer = KPIValueImport(file: path, knownKPIs: Set(document.canvas.kpis.map(\.id.rawValue)))
            importer.consume(
                [UInt8](try Data(contentsOf: url.deletingLastPathComponent().appendingPathComponent(path))))
            let values = importer.finish()
            #expect(importer.issues.isEmpty, "\(path): \(importer.issues)")
            if let values { all.merge(values) }
        }
        return all
    }

    @Test func theWarehouseValuesShowLocalGainAndGlobalHarm() throws {
        let url = TestSupport.examplesDirectory.appendingPathComponent("warehouse-efficiency-vs-experience.yaml")
        let document = try TestSupport.read(url)
        let diagnosis = RuleHarness.engine.diagnose(document, values: try Self.values(of: document, at: url))
        let harm = try #require(diagnosis.activeFindings.first { $0.rule == "DATA-04" })
        #expect(harm.subjects == ["picks-per-hour", "damage-rate"])
        #expect(harm.severity == .error)
        #expect(harm.evidence.facts.contains { $0.key == "picks-per-hour periods" && $0.value == 52 })
        #expect(diagnosis.trends.count == 4)
    }

    @Test func theSaaSValuesShowSignupsRisingWhileRetentionFalls() throws {
        let url = TestSupport.examplesDirectory.appendingPathComponent("saas-growth-vs-retention.yaml")
        let document = try TestSupport.read(url)
        let diagnosis = RuleHarness.engine.diagnose(document, values: try Self.values(of: document, at: url))
        let harmed = Set(diagnosis.activeFindings.filter { $0.rule == "DATA-04" }.map { $0.subjects[1] })
        #expect(harmed == ["churn-rate", "nrr"])
    }

    @Test(arguments: try TestSupport.exampleFiles())
    func exampleHeaderListsItsProblems(_ url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let expected = Self.expectations(in: text)
        #expect(expected.count >= 4, "\(url.lastPathComponent) should state at least four planted problems")
    }

    /// Checked for every registered rule; the expectations of rules still pending wait for them.
    @Test(arguments: try TestSupport.exampleFiles())
    func diagnosisFindsWhatTheHeaderSaysAndNothingWorse(_ url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let registered = Set(RuleRegistry.all.map(\.metadata.id))
        let expected = Self.expectations(in: text).filter { registered.contains($0.rule) }
        let document = try CanvasReader().read(text: text, file: url.lastPathComponent)
        let findings = RuleHarness.engine.diagnose(document, values: try Self.values(of: document, at: url))
            .activeFindings

        for e in expected {
            let match = findings.contains { $0.rule == e.rule && Set(e.subjects).isSubset(of: $0.subjects) }
            #expect(
                match,
                "\(url.lastPathComponent): expected \(e) but found \(findings.filter { $0.rule == e.rule }.map(\.subjects))"
            )
        }
        let unexpected = findings.filter { f in
            f.severity >= .warning
                && !expected.contains { $0.rule == f.rule && Set($0.subjects).isSubset(of: f.subjects) }
        }
        #expect(
            unexpected.isEmpty,
            "\(url.lastPathComponent): unstated findings: \(unexpected.map { "\($0.rule) \($0.subjects): \($0.message)" })"
        )
    }
}
